/** Formats shared by configuration, authentication and the services that create these values. */

/** An API key secret: `iv_live_` and at least 32 base62 characters (SPEC §1). */
export const API_KEY_PATTERN = /^iv_live_[A-Za-z0-9]{32,}$/;

/** An account slug: 3–48 characters of a-z, 0-9 and "-" (SPEC §1). */
export const ACCOUNT_SLUG_PATTERN = /^[a-z0-9-]{3,48}$/;
