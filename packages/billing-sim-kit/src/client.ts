/**
 * A typed client of the simulator's control API (worlds, scenarios, test clocks) and of its payments API, with
 * nothing but the platform's fetch: usable from vitest, a Node script or a CI job as well as from Playwright.
 * The routes and answers are those of the simulator's OpenAPI document, GET /api/openapi.json.
 */
export type ScenarioName =
  "default" | "mca-payable" | "partially-paid" | "over-card-limit" | "all-paid" | "mosp-past-due";
export type Scenario = { name: ScenarioName; summary: string; guarantees: string[] };
export type InvoiceStatus = "due" | "pastDue" | "partiallyPaid" | "processing" | "paid" | "void";
export type Money = { value: number; currency: string };

/** An invoice of a world, its status by the world's clock. */
export type WorldInvoice = {
  number: string;
  billingAccount: string;
  billingAccountName: string;
  billingProfileId: string;
  billingProfileName: string;
  status: InvoiceStatus;
  amountDue: Money;
  amountDueMinor: number;
  total: Money;
  totalMinor: number;
  currency: string;
  invoiceDate: string;
  dueDate: string;
};

export type WorldRole = "admin" | "reader";
export type WorldUser = {
  email: string;
  password: string;
  displayName: string;
  role: WorldRole;
  billingAccount: string;
  billingAccountName: string;
};
export type WorldAccount = { id: string; name: string; agreementType: string; currency: string };
export type WorldData = {
  id: string;
  seed: number;
  now: string;
  scenario?: ScenarioName;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  users: WorldUser[];
  billingAccounts: WorldAccount[];
  /** Only in the answer to the world's creation. */
  invoices?: WorldInvoice[];
};
export type ClockMove = {
  id: string;
  from: string;
  now: string;
  issuedInvoices: (WorldInvoice & { id: string; billingProfile: string })[];
  pastDue: WorldInvoice[];
  /** The numbers of `pastDue` (kept for older clients). */
  pastDueInvoices: string[];
};
export type WorldOptions = { scenario?: ScenarioName; now?: string | Date; seed?: number };

export type PaymentMethod = {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  isDefault: boolean;
  usable: boolean;
};
/** A new card, every field of the portal's card form (docs/testing.md). */
export type NewCard = {
  cardNumber: string;
  expMonth: number | string;
  expYear: number | string;
  cvc: string;
  holderName: string;
  /** ISO 3166-1 alpha-2, e.g. "US". */
  country: string;
  postalCode: string;
};
export type PaymentAnswer = {
  /** The HTTP status: 200 paid, 402 declined, 4xx refused (docs/api.md). */
  httpStatus: number;
  status: "succeeded" | "declined" | "inProgress" | "refused" | "error";
  paymentId?: string;
  amountMinor?: number;
  paidInFull?: boolean;
  error?: { code: string; message: string; fieldErrors?: Record<string, string>; declineCode?: string };
};

export class SimApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: ${status} ${body}`);
  }
}

export type ClientOptions = {
  /** The simulator's origin, e.g. http://127.0.0.1:3000 (default: SIM_BASE_URL). */
  baseURL?: string;
  /** The server's SIM_CONTROL_TOKEN (default: the SIM_CONTROL_TOKEN of this process). */
  token?: string;
};

export class SimControlClient {
  readonly baseURL: string;
  private readonly token: string;

  constructor(options: ClientOptions = {}) {
    const baseURL = options.baseURL ?? process.env.SIM_BASE_URL;
    const token = options.token ?? process.env.SIM_CONTROL_TOKEN;
    if (!baseURL) throw new Error("billing-sim-kit: give baseURL (or set SIM_BASE_URL): the simulator's origin.");
    if (!token)
      throw new Error("billing-sim-kit: give token (or set SIM_CONTROL_TOKEN): the token the server started with.");
    this.baseURL = baseURL.replace(/\/+$/, "");
    this.token = token;
  }

  /** A control API call (the control token), JSON in and out; a status other than `expected` throws. */
  async control<T>(method: string, path: string, body?: unknown, expected = [200]): Promise<T> {
    const response = await this.fetch(path, { method, body, bearer: this.token });
    const text = await response.text();
    if (!expected.includes(response.status)) throw new SimApiError(response.status, text, `${method} ${path}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** fetch against the simulator; a connection reset on a reused keep-alive connection is tried once more. */
  async fetch(path: string, init: { method?: string; body?: unknown; bearer?: string; form?: URLSearchParams } = {}) {
    const headers: Record<string, string> = {};
    if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    const attempt = () =>
      fetch(`${this.baseURL}${path}`, {
        method: init.method ?? "GET",
        headers,
        body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
      });
    return attempt().catch((error: unknown) => {
      if (/ECONNRESET|socket hang up|other side closed/i.test(String((error as Error)?.cause ?? error)))
        return attempt();
      throw error;
    });
  }

  /** The scenarios the server offers, with what each guarantees. */
  async scenarios(): Promise<Scenario[]> {
    return (await this.control<{ value: Scenario[] }>("GET", "/api/sim/scenarios")).value;
  }

  async createWorld(options: WorldOptions = {}): Promise<SimWorld> {
    const body = {
      ...(options.scenario ? { scenario: options.scenario } : {}),
      ...(options.now ? { now: new Date(options.now).toISOString() } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    };
    return new SimWorld(this, await this.control<WorldData>("POST", "/api/sim/worlds", body, [201]));
  }

  async world(id: string): Promise<SimWorld> {
    return new SimWorld(this, await this.control<WorldData>("GET", `/api/sim/worlds/${encodeURIComponent(id)}`));
  }

  /**
   * Deletes a world (an unknown one is not an error: it may have expired). While one of its payments is still
   * being processed the server answers 409 PaymentsInProgress and deletes nothing: wait and ask again, up to
   * `timeoutMs`.
   */
  async deleteWorld(id: string, timeoutMs = 30_000): Promise<void> {
    const path = `/api/sim/worlds/${encodeURIComponent(id)}`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = await this.fetch(path, { method: "DELETE", bearer: this.token });
      if (response.status === 204 || response.status === 404) return;
      const text = await response.text();
      if (response.status !== 409 || Date.now() > deadline)
        throw new SimApiError(response.status, text, `DELETE ${path}`);
      const seconds = Number(response.headers.get("retry-after")) || 1;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }

  /** A user's bearer token (POST /oauth2/token, password grant) for the payments API and the ARM API. */
  async userToken(email: string, password: string): Promise<string> {
    const form = new URLSearchParams({ grant_type: "password", username: email, password });
    const response = await this.fetch("/oauth2/token", { method: "POST", form });
    if (!response.ok) throw new SimApiError(response.status, await response.text(), `token for ${email}`);
    return ((await response.json()) as { access_token: string }).access_token;
  }
}

/** A world: its data as the API answered it, and what a test does with it. */
export class SimWorld {
  private tokens = new Map<string, Promise<string>>();

  constructor(
    readonly client: SimControlClient,
    public data: WorldData,
  ) {}

  get id(): string {
    return this.data.id;
  }

  /** The world's clock (ISO), as of its creation or the last move made through this object. */
  get now(): string {
    return this.data.now;
  }

  /** The user with this role on the account (by name; default Contoso Ltd, the MCA account). */
  user(role: WorldRole = "admin", account = "Contoso Ltd"): WorldUser {
    const user = this.data.users.find((u) => u.role === role && u.billingAccountName === account);
    if (!user) throw new Error(`World ${this.id} has no ${role} of ${account}`);
    return user;
  }

  account(name = "Contoso Ltd"): WorldAccount {
    const account = this.data.billingAccounts.find((a) => a.name === name);
    if (!account) throw new Error(`World ${this.id} has no billing account ${name}`);
    return account;
  }

  /** The world's invoices now, optionally only some statuses, accounts (by name) or profiles (by name). */
  async invoices(
    filter: { status?: InvoiceStatus | InvoiceStatus[]; account?: string; profile?: string } = {},
  ): Promise<WorldInvoice[]> {
    const statuses = filter.status === undefined ? [] : [filter.status].flat();
    const query = statuses.length ? `?status=${statuses.join(",")}` : "";
    const { value } = await this.client.control<{ value: WorldInvoice[] }>(
      "GET",
      `/api/sim/worlds/${this.id}/invoices${query}`,
    );
    return value.filter(
      (invoice) =>
        (!filter.account || invoice.billingAccountName === filter.account) &&
        (!filter.profile || invoice.billingProfileName === filter.profile),
    );
  }

  /** Moves the world's clock forward by whole days (at most 3,660 a move); the billing cycle runs for them. */
  advanceClock(days: number): Promise<ClockMove> {
    return this.moveClock({ advanceDays: days });
  }

  /** Moves the world's clock forward to a date-time; backwards is refused (409). */
  setClock(now: string | Date): Promise<ClockMove> {
    return this.moveClock({ now: new Date(now).toISOString() });
  }

  private async moveClock(body: object): Promise<ClockMove> {
    const moved = await this.client.control<ClockMove>("POST", `/api/sim/worlds/${this.id}/clock`, body);
    this.data = { ...this.data, now: moved.now };
    return moved;
  }

  /** A bearer token of this world's user (kept for the object's life: tokens last an hour). */
  userToken(role: WorldRole = "admin", account = "Contoso Ltd"): Promise<string> {
    const user = this.user(role, account);
    let token = this.tokens.get(user.email);
    if (!token) {
      token = this.client.userToken(user.email, user.password);
      this.tokens.set(user.email, token);
    }
    return token;
  }

  /** The cards on file of an invoice's billing profile (or a profile by ID), as its account's admin sees them. */
  async paymentMethods(invoice: Pick<WorldInvoice, "billingAccount" | "billingProfileId" | "billingAccountName">) {
    const token = await this.userToken("admin", invoice.billingAccountName);
    const path = `/api/billing/${encodeURIComponent(invoice.billingAccount)}/billing-profiles/${encodeURIComponent(invoice.billingProfileId)}/payment-methods`;
    const response = await this.client.fetch(path, { bearer: token });
    if (!response.ok) throw new SimApiError(response.status, await response.text(), `GET ${path}`);
    return ((await response.json()) as { value: PaymentMethod[] }).value;
  }

  /**
   * Pays an invoice through the payments API as its account's admin (or `as`): with a new card, a saved card's
   * ID, or — given neither — the profile's default card. `amount` (major units as text) pays part of it.
   * Answers the outcome whatever it is (a decline or refusal does not throw): check `status` or `error.code`.
   */
  async pay(
    invoice: WorldInvoice,
    options: {
      card?: NewCard;
      paymentMethodId?: string;
      amount?: string;
      idempotencyKey?: string;
      as?: WorldRole;
    } = {},
  ): Promise<PaymentAnswer> {
    let method: Record<string, unknown>;
    if (options.card) method = { method: "new", ...options.card };
    else {
      const id =
        options.paymentMethodId ??
        (await this.paymentMethods(invoice)).find((card) => card.isDefault && card.usable)?.id;
      if (!id) throw new Error(`Invoice ${invoice.number}: its billing profile has no usable default card`);
      method = { method: "saved", paymentMethodId: id };
    }
    const token = await this.userToken(options.as ?? "admin", invoice.billingAccountName);
    const path = `/api/billing/${encodeURIComponent(invoice.billingAccount)}/invoices/${encodeURIComponent(invoice.number)}/payments`;
    const body = {
      idempotencyKey: options.idempotencyKey ?? crypto.randomUUID(),
      ...method,
      ...(options.amount ? { amount: options.amount } : {}),
    };
    const response = await this.client.fetch(path, { method: "POST", body, bearer: token });
    return { httpStatus: response.status, ...((await response.json()) as Omit<PaymentAnswer, "httpStatus">) };
  }

  /** Deletes the world. */
  delete(): Promise<void> {
    return this.client.deleteWorld(this.id);
  }
}
