"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SimWorld = exports.SimControlClient = exports.SimApiError = void 0;
class SimApiError extends Error {
    status;
    body;
    constructor(status, body, what) {
        super(`${what}: ${status} ${body}`);
        this.status = status;
        this.body = body;
    }
}
exports.SimApiError = SimApiError;
class SimControlClient {
    baseURL;
    token;
    constructor(options = {}) {
        const baseURL = options.baseURL ?? process.env.SIM_BASE_URL;
        const token = options.token ?? process.env.SIM_CONTROL_TOKEN;
        if (!baseURL)
            throw new Error("billing-sim-kit: give baseURL (or set SIM_BASE_URL): the simulator's origin.");
        if (!token)
            throw new Error("billing-sim-kit: give token (or set SIM_CONTROL_TOKEN): the token the server started with.");
        this.baseURL = baseURL.replace(/\/+$/, "");
        this.token = token;
    }
    /** A control API call (the control token), JSON in and out; a status other than `expected` throws. */
    async control(method, path, body, expected = [200]) {
        const response = await this.fetch(path, { method, body, bearer: this.token });
        const text = await response.text();
        if (!expected.includes(response.status))
            throw new SimApiError(response.status, text, `${method} ${path}`);
        return (text ? JSON.parse(text) : undefined);
    }
    /** fetch against the simulator; a connection reset on a reused keep-alive connection is tried once more. */
    async fetch(path, init = {}) {
        const headers = {};
        if (init.bearer)
            headers.authorization = `Bearer ${init.bearer}`;
        if (init.body !== undefined)
            headers["content-type"] = "application/json";
        const attempt = () => fetch(`${this.baseURL}${path}`, {
            method: init.method ?? "GET",
            headers,
            body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
        });
        return attempt().catch((error) => {
            if (/ECONNRESET|socket hang up|other side closed/i.test(String(error?.cause ?? error)))
                return attempt();
            throw error;
        });
    }
    /** The scenarios the server offers, with what each guarantees. */
    async scenarios() {
        return (await this.control("GET", "/api/sim/scenarios")).value;
    }
    async createWorld(options = {}) {
        const body = {
            ...(options.scenario ? { scenario: options.scenario } : {}),
            ...(options.now ? { now: new Date(options.now).toISOString() } : {}),
            ...(options.seed !== undefined ? { seed: options.seed } : {}),
        };
        return new SimWorld(this, await this.control("POST", "/api/sim/worlds", body, [201]));
    }
    async world(id) {
        return new SimWorld(this, await this.control("GET", `/api/sim/worlds/${encodeURIComponent(id)}`));
    }
    /**
     * Deletes a world (an unknown one is not an error: it may have expired). While one of its payments is still
     * being processed the server answers 409 PaymentsInProgress and deletes nothing: wait and ask again, up to
     * `timeoutMs`.
     */
    async deleteWorld(id, timeoutMs = 30_000) {
        const path = `/api/sim/worlds/${encodeURIComponent(id)}`;
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const response = await this.fetch(path, { method: "DELETE", bearer: this.token });
            if (response.status === 204 || response.status === 404)
                return;
            const text = await response.text();
            if (response.status !== 409 || Date.now() > deadline)
                throw new SimApiError(response.status, text, `DELETE ${path}`);
            const seconds = Number(response.headers.get("retry-after")) || 1;
            await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        }
    }
    /** A user's bearer token (POST /oauth2/token, password grant) for the payments API and the ARM API. */
    async userToken(email, password) {
        const form = new URLSearchParams({ grant_type: "password", username: email, password });
        const response = await this.fetch("/oauth2/token", { method: "POST", form });
        if (!response.ok)
            throw new SimApiError(response.status, await response.text(), `token for ${email}`);
        return (await response.json()).access_token;
    }
}
exports.SimControlClient = SimControlClient;
/** A world: its data as the API answered it, and what a test does with it. */
class SimWorld {
    client;
    data;
    tokens = new Map();
    constructor(client, data) {
        this.client = client;
        this.data = data;
    }
    get id() {
        return this.data.id;
    }
    /** The world's clock (ISO), as of its creation or the last move made through this object. */
    get now() {
        return this.data.now;
    }
    /** The user with this role on the account (by name; default Contoso Ltd, the MCA account). */
    user(role = "admin", account = "Contoso Ltd") {
        const user = this.data.users.find((u) => u.role === role && u.billingAccountName === account);
        if (!user)
            throw new Error(`World ${this.id} has no ${role} of ${account}`);
        return user;
    }
    account(name = "Contoso Ltd") {
        const account = this.data.billingAccounts.find((a) => a.name === name);
        if (!account)
            throw new Error(`World ${this.id} has no billing account ${name}`);
        return account;
    }
    /** The world's invoices now, optionally only some statuses, accounts (by name) or profiles (by name). */
    async invoices(filter = {}) {
        const statuses = filter.status === undefined ? [] : [filter.status].flat();
        const query = statuses.length ? `?status=${statuses.join(",")}` : "";
        const { value } = await this.client.control("GET", `/api/sim/worlds/${this.id}/invoices${query}`);
        return value.filter((invoice) => (!filter.account || invoice.billingAccountName === filter.account) &&
            (!filter.profile || invoice.billingProfileName === filter.profile));
    }
    /** Moves the world's clock forward by whole days (at most 3,660 a move); the billing cycle runs for them. */
    advanceClock(days) {
        return this.moveClock({ advanceDays: days });
    }
    /** Moves the world's clock forward to a date-time; backwards is refused (409). */
    setClock(now) {
        return this.moveClock({ now: new Date(now).toISOString() });
    }
    async moveClock(body) {
        const moved = await this.client.control("POST", `/api/sim/worlds/${this.id}/clock`, body);
        this.data = { ...this.data, now: moved.now };
        return moved;
    }
    /** A bearer token of this world's user (kept for the object's life: tokens last an hour). */
    userToken(role = "admin", account = "Contoso Ltd") {
        const user = this.user(role, account);
        let token = this.tokens.get(user.email);
        if (!token) {
            token = this.client.userToken(user.email, user.password);
            this.tokens.set(user.email, token);
        }
        return token;
    }
    /** The cards on file of an invoice's billing profile (or a profile by ID), as its account's admin sees them. */
    async paymentMethods(invoice) {
        const token = await this.userToken("admin", invoice.billingAccountName);
        const path = `/api/billing/${encodeURIComponent(invoice.billingAccount)}/billing-profiles/${encodeURIComponent(invoice.billingProfileId)}/payment-methods`;
        const response = await this.client.fetch(path, { bearer: token });
        if (!response.ok)
            throw new SimApiError(response.status, await response.text(), `GET ${path}`);
        return (await response.json()).value;
    }
    /**
     * Pays an invoice through the payments API as its account's admin (or `as`): with a new card, a saved card's
     * ID, or — given neither — the profile's default card. `amount` (major units as text) pays part of it.
     * Answers the outcome whatever it is (a decline or refusal does not throw): check `status` or `error.code`.
     */
    async pay(invoice, options = {}) {
        let method;
        if (options.card)
            method = { method: "new", ...options.card };
        else {
            const id = options.paymentMethodId ??
                (await this.paymentMethods(invoice)).find((card) => card.isDefault && card.usable)?.id;
            if (!id)
                throw new Error(`Invoice ${invoice.number}: its billing profile has no usable default card`);
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
        return { httpStatus: response.status, ...(await response.json()) };
    }
    /** Deletes the world. */
    delete() {
        return this.client.deleteWorld(this.id);
    }
}
exports.SimWorld = SimWorld;
