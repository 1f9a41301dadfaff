/**
 * A typed client of the simulator's control API (worlds, scenarios, test clocks) and of its payments API, with
 * nothing but the platform's fetch: usable from vitest, a Node script or a CI job as well as from Playwright.
 * The routes and answers are those of the simulator's OpenAPI document, GET /api/openapi.json.
 */
export type ScenarioName = "default" | "mca-payable" | "partially-paid" | "over-card-limit" | "all-paid" | "mosp-past-due";
export type Scenario = {
    name: ScenarioName;
    summary: string;
    guarantees: string[];
};
export type InvoiceStatus = "due" | "pastDue" | "partiallyPaid" | "processing" | "paid" | "void";
export type Money = {
    value: number;
    currency: string;
};
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
export type WorldAccount = {
    id: string;
    name: string;
    agreementType: string;
    currency: string;
};
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
    issuedInvoices: (WorldInvoice & {
        id: string;
        billingProfile: string;
    })[];
    pastDue: WorldInvoice[];
    /** The numbers of `pastDue` (kept for older clients). */
    pastDueInvoices: string[];
};
export type WorldOptions = {
    scenario?: ScenarioName;
    now?: string | Date;
    seed?: number;
};
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
    error?: {
        code: string;
        message: string;
        fieldErrors?: Record<string, string>;
        declineCode?: string;
    };
};
export declare class SimApiError extends Error {
    readonly status: number;
    readonly body: string;
    constructor(status: number, body: string, what: string);
}
export type ClientOptions = {
    /** The simulator's origin, e.g. http://127.0.0.1:3000 (default: SIM_BASE_URL). */
    baseURL?: string;
    /** The server's SIM_CONTROL_TOKEN (default: the SIM_CONTROL_TOKEN of this process). */
    token?: string;
};
export declare class SimControlClient {
    readonly baseURL: string;
    private readonly token;
    constructor(options?: ClientOptions);
    /** A control API call (the control token), JSON in and out; a status other than `expected` throws. */
    control<T>(method: string, path: string, body?: unknown, expected?: number[]): Promise<T>;
    /** fetch against the simulator; a connection reset on a reused keep-alive connection is tried once more. */
    fetch(path: string, init?: {
        method?: string;
        body?: unknown;
        bearer?: string;
        form?: URLSearchParams;
    }): Promise<Response>;
    /** The scenarios the server offers, with what each guarantees. */
    scenarios(): Promise<Scenario[]>;
    createWorld(options?: WorldOptions): Promise<SimWorld>;
    world(id: string): Promise<SimWorld>;
    /**
     * Deletes a world (an unknown one is not an error: it may have expired). While one of its payments is still
     * being processed the server answers 409 PaymentsInProgress and deletes nothing: wait and ask again, up to
     * `timeoutMs`.
     */
    deleteWorld(id: string, timeoutMs?: number): Promise<void>;
    /** A user's bearer token (POST /oauth2/token, password grant) for the payments API and the ARM API. */
    userToken(email: string, password: string): Promise<string>;
}
/** A world: its data as the API answered it, and what a test does with it. */
export declare class SimWorld {
    readonly client: SimControlClient;
    data: WorldData;
    private tokens;
    constructor(client: SimControlClient, data: WorldData);
    get id(): string;
    /** The world's clock (ISO), as of its creation or the last move made through this object. */
    get now(): string;
    /** The user with this role on the account (by name; default Contoso Ltd, the MCA account). */
    user(role?: WorldRole, account?: string): WorldUser;
    account(name?: string): WorldAccount;
    /** The world's invoices now, optionally only some statuses, accounts (by name) or profiles (by name). */
    invoices(filter?: {
        status?: InvoiceStatus | InvoiceStatus[];
        account?: string;
        profile?: string;
    }): Promise<WorldInvoice[]>;
    /** Moves the world's clock forward by whole days (at most 3,660 a move); the billing cycle runs for them. */
    advanceClock(days: number): Promise<ClockMove>;
    /** Moves the world's clock forward to a date-time; backwards is refused (409). */
    setClock(now: string | Date): Promise<ClockMove>;
    private moveClock;
    /** A bearer token of this world's user (kept for the object's life: tokens last an hour). */
    userToken(role?: WorldRole, account?: string): Promise<string>;
    /** The cards on file of an invoice's billing profile (or a profile by ID), as its account's admin sees them. */
    paymentMethods(invoice: Pick<WorldInvoice, "billingAccount" | "billingProfileId" | "billingAccountName">): Promise<PaymentMethod[]>;
    /**
     * Pays an invoice through the payments API as its account's admin (or `as`): with a new card, a saved card's
     * ID, or — given neither — the profile's default card. `amount` (major units as text) pays part of it.
     * Answers the outcome whatever it is (a decline or refusal does not throw): check `status` or `error.code`.
     */
    pay(invoice: WorldInvoice, options?: {
        card?: NewCard;
        paymentMethodId?: string;
        amount?: string;
        idempotencyKey?: string;
        as?: WorldRole;
    }): Promise<PaymentAnswer>;
    /** Deletes the world. */
    delete(): Promise<void>;
}
