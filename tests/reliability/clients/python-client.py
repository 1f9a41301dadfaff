# Microsoft's Python clients, unchanged: Debian's python3-azure (azure-identity, azure-mgmt-billing) and
# python3-msal, with only the authority and endpoint changed. The simulator's CA is trusted through
# REQUESTS_CA_BUNDLE (system roots plus the CA). Prints one JSON line.
# Run by tests/reliability/server/azure-clients.test.ts: python3 python-client.py <origin> <tenant> <client> <secret>
import json
import sys

import msal
from azure.identity import ClientSecretCredential
from azure.mgmt.billing import BillingManagementClient

origin, tenant, client_id, secret = sys.argv[1:5]

# MSAL alone: a confidential client at the directory's authority, no instance discovery.
app = msal.ConfidentialClientApplication(
    client_id, client_credential=secret, authority=f"{origin}/{tenant}", instance_discovery=False
)
msal_token = app.acquire_token_for_client(scopes=["https://management.azure.com/.default"])

credential = ClientSecretCredential(tenant, client_id, secret, authority=origin, instance_discovery=False)
client = BillingManagementClient(credential, "00000000-0000-0000-0000-000000000000", base_url=origin)
out = {"msal": "access_token" in msal_token, "accounts": [], "profiles": 0, "invoices": 0}
for account in client.billing_accounts.list():
    out["accounts"].append(account.display_name)
    out["profiles"] += sum(1 for _ in client.billing_profiles.list_by_billing_account(account.name))
    out["invoices"] += sum(
        1 for _ in client.invoices.list_by_billing_account(account.name, "2000-01-01", "2026-12-31")
    )
print(json.dumps(out))
