import "server-only";

import { accountIdFromParam } from "@/features/access/paths";
import { invoicePdfPath } from "@/features/invoices/pdf-path";
import { hasInvoice } from "@/features/invoices/queries";

import { DOWNLOAD_API_VERSIONS } from "./api-version";
import { armBadRequest, armError, armNotFound } from "./errors";
import { invoiceScope } from "./invoices";
import { armJson, armRequest, type ArmRequest } from "./request";
import { invoiceDownloadToken, invoiceResourceId } from "./resources";

/**
 * Invoices_DownloadInvoice (2020-05-01): POST …/invoices/{name}/download
 * ?downloadToken=DRS_{name} — Invoices_DownloadByBillingAccount in
 * 2024-04-01, ?documentName={name} or none — starts a long-running operation, as Azure does:
 * 202 Accepted with a Location to poll; the poll answers 200 with
 * `{ url }`, the invoice's PDF, which downloads with the same bearer token.
 * The PDF is rendered on request, so the operation is done by the first poll
 * (the SDK's poller: `beginDownloadInvoiceAndWait`).
 */
type Checked = { arm: ArmRequest; accountId: string; invoiceId: string; token: string };

async function checkDownload(
  request: Request,
  accountParam: string,
  invoiceParam: string,
): Promise<Checked | Response> {
  const arm = await armRequest(request, DOWNLOAD_API_VERSIONS);
  if (arm instanceof Response) return arm;
  const accountId = accountIdFromParam(accountParam);
  const invoiceId = accountIdFromParam(invoiceParam);
  const scope = await invoiceScope(arm.user.id, accountId);
  if (!scope) return armNotFound("billingAccount", accountId);
  if (!(await hasInvoice(scope.account.id, invoiceId))) return armNotFound("invoice", invoiceId);
  const token = invoiceDownloadToken(invoiceId);
  if (arm.apiVersion === "2024-04-01") {
    // 2024-04-01 names the document (documents[].name, the invoice's own ID); without it, the invoice's PDF.
    const documentName = arm.url.searchParams.get("documentName");
    if (documentName !== null && documentName !== invoiceId)
      return armError(
        404,
        "DocumentNotFound",
        `Invoice '${invoiceId}' has no document named '${documentName.slice(0, 80)}'.`,
      );
    return { arm, accountId: scope.account.id, invoiceId, token };
  }
  const sent = arm.url.searchParams.get("downloadToken");
  if (!sent) return armBadRequest("MissingRequiredQueryParameter", "The query parameter downloadToken is required.");
  if (sent !== token)
    return armError(404, "DocumentNotFound", `No document of invoice '${invoiceId}' has the download token given.`);
  return { arm, accountId: scope.account.id, invoiceId, token };
}

export async function startInvoiceDownload(request: Request, accountParam: string, invoiceParam: string) {
  const checked = await checkDownload(request, accountParam, invoiceParam);
  if (checked instanceof Response) return checked;
  const { arm, accountId, invoiceId, token } = checked;
  const path = `${invoiceResourceId(encodeURIComponent(accountId), encodeURIComponent(invoiceId))}/operationResults/invoiceDownload_${token}`;
  const query = new URLSearchParams(
    arm.apiVersion === "2024-04-01"
      ? { "api-version": arm.apiVersion, documentName: invoiceId }
      : { "api-version": arm.apiVersion, downloadToken: token },
  );
  return new Response(null, {
    status: 202,
    headers: { Location: `${arm.url.origin}${path}?${query}`, "Retry-After": "1", "Cache-Control": "no-store" },
  });
}

export async function invoiceDownloadResult(
  request: Request,
  accountParam: string,
  invoiceParam: string,
  operationId: string,
) {
  const checked = await checkDownload(request, accountParam, invoiceParam);
  if (checked instanceof Response) return checked;
  if (operationId !== `invoiceDownload_${checked.token}`)
    return armError(404, "OperationNotFound", `The operation '${operationId.slice(0, 80)}' was not found.`);
  return armJson({ url: checked.arm.url.origin + invoicePdfPath(checked.accountId, checked.invoiceId) });
}
