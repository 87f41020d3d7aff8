/**
 * Generated from GET /api/v1/openapi.json by `npm run gen:api`. Do not edit by hand:
 * change the route schemas and regenerate (a test fails while this file is stale).
 */
export interface paths {
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in to the dashboard
         * @description Sets an HttpOnly, SameSite=Lax session cookie. Repeated failures are throttled (429 with Retry-After).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-0"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out (ends the session) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, their accounts and the CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-0"];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the signed-in user's password
         * @description Needs the current password. Every other session of the user ends; this one stays signed in. Wrong current passwords are throttled like sign-in (429 with Retry-After).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        current_password: string;
                        /** @description At least 8 characters. */
                        new_password: string;
                    };
                };
            };
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/join/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a join link shows its participant
         * @description No sign-in: the token in the link is the credential. Only what the participant may see (never notes). 404 for an unknown link.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-13"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/join/{token}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an answer
         * @description Stored as sent, then the interviewer's next turn. `seq` is the turn number the answer takes: the same answer sent again is recognised. No sign-in: the token in the link is the credential. One browser tab holds the conversation (`connection_id`); another tab is refused with 409 `interview_open_elsewhere` until the first has not been heard from for 20 s.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Random id of the browser tab holding the conversation (kept across reloads of that tab). */
                        connection_id: string;
                        /** @description The turn number this answer takes (the next one): a resent answer is recognised, a stale one refused. */
                        seq: number;
                        /** @description The answer, up to 4000 characters. */
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-14"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/join/{token}/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The tab is still open
         * @description Keeps the conversation held by this tab, adds tab switches and pastes to the session's authenticity signals, and closes an interview whose time is up. No sign-in: the token in the link is the credential. One browser tab holds the conversation (`connection_id`); another tab is refused with 409 `interview_open_elsewhere` until the first has not been heard from for 20 s.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Random id of the browser tab holding the conversation (kept across reloads of that tab). */
                        connection_id: string;
                        /** @description Pastes into the answer box since the last heartbeat. */
                        pastes?: number;
                        /** @description Times the page was hidden since the last heartbeat. */
                        tab_switches?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-14"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/join/{token}/interview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The interview as its participant sees it
         * @description No sign-in: the token in the link is the credential. One browser tab holds the conversation (`connection_id`); another tab is refused with 409 `interview_open_elsewhere` until the first has not been heard from for 20 s.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-14"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/join/{token}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Consent and start (or resume) the interview
         * @description Starting moves the session to `in_progress` (`session.started`) and opens the conversation. Called again after a reload it resumes. No sign-in: the token in the link is the credential. One browser tab holds the conversation (`connection_id`); another tab is refused with 409 `interview_open_elsewhere` until the first has not been heard from for 20 s.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Random id of the browser tab holding the conversation (kept across reloads of that tab). */
                        connection_id: string;
                        /** @description The participant agreed to the explanation shown (required to begin; a resume needs it too). */
                        consent: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-14"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account (team) of the key or of accountSlug */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-3"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename the team
         * @description Owners and admins, signed in to the dashboard. The slug does not change.
         */
        patch: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The team name shown in the dashboard, 1–200 characters. */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-3"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/agent-profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List agent profiles
         * @description Newest first. Page mode (`page`, `pageSize`) or cursor mode (`limit`, `cursor`).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                    /** @description Cursor mode: `meta.next_cursor` of the previous page. */
                    cursor?: string;
                    /** @description Cursor mode: items per page. */
                    limit?: number;
                    /** @description 1-based page number. */
                    page?: number;
                    /** @description Items per page (default 25). */
                    pageSize?: number;
                    /** @description Case-insensitive match on the name. */
                    q?: string;
                    useCase?: "hiring" | "admissions" | "training" | "custom_api";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-6"][];
                            meta: {
                                has_more?: boolean;
                                limit?: number;
                                next_cursor?: string | null;
                                page?: number;
                                pageSize?: number;
                                total?: number;
                                totalPages?: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an agent profile
         * @description The interviewer's persona and rubric. Field names are camelCase as published. `evaluationDimensions` weights are whole numbers that sum to 100.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        additionalInstructions?: string | null;
                        /** @description The rubric: 1–12 dimensions whose weights sum to 100. */
                        evaluationDimensions: {
                            /** @description What a good answer shows. Up to 1000 characters. */
                            description?: string;
                            /** @description Unique within the profile (case-insensitive), 1–100 characters. */
                            name: string;
                            threshold?: number | null;
                            /** @description Whole number 1–100; the weights of a profile sum to 100. */
                            weight: number;
                        }[];
                        interaction?: {
                            /**
                             * @description Follow-up questions allowed per planned question: low 1, medium 2, high 3. Default `medium`.
                             * @enum {string}
                             */
                            probingDepth?: "low" | "medium" | "high";
                            /**
                             * @description Default `structured`.
                             * @enum {string}
                             */
                            style?: "structured" | "conversational" | "adaptive";
                            /**
                             * @description Default `professional`.
                             * @enum {string}
                             */
                            tone?: "friendly" | "professional" | "strict" | "challenging";
                        };
                        /** @description 1–200 characters. */
                        name: string;
                        persona?: string | null;
                        /**
                         * @description Default `hiring`.
                         * @enum {string}
                         */
                        useCase?: "hiring" | "admissions" | "training" | "custom_api";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-6"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent-profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an agent profile */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-6"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete an agent profile
         * @description A profile named by an evaluation template or stage cannot be deleted (409 `agent_profile_in_use`).
         */
        delete: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Update an agent profile
         * @description Any field. `evaluationDimensions` replaces the list (weights still sum to 100); `interaction` is replaced whole (omitted keys take their defaults); `null` clears `persona` and `additionalInstructions`. Sessions already planned keep the profile they were planned with.
         */
        patch: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        additionalInstructions?: string | null;
                        /** @description The rubric: 1–12 dimensions whose weights sum to 100. */
                        evaluationDimensions?: {
                            /** @description What a good answer shows. Up to 1000 characters. */
                            description?: string;
                            /** @description Unique within the profile (case-insensitive), 1–100 characters. */
                            name: string;
                            threshold?: number | null;
                            /** @description Whole number 1–100; the weights of a profile sum to 100. */
                            weight: number;
                        }[];
                        interaction?: {
                            /**
                             * @description Follow-up questions allowed per planned question: low 1, medium 2, high 3. Default `medium`.
                             * @enum {string}
                             */
                            probingDepth?: "low" | "medium" | "high";
                            /**
                             * @description Default `structured`.
                             * @enum {string}
                             */
                            style?: "structured" | "conversational" | "adaptive";
                            /**
                             * @description Default `professional`.
                             * @enum {string}
                             */
                            tone?: "friendly" | "professional" | "strict" | "challenging";
                        };
                        /** @description 1–200 characters. */
                        name?: string;
                        persona?: string | null;
                        /**
                         * @description Default `hiring`.
                         * @enum {string}
                         */
                        useCase?: "hiring" | "admissions" | "training" | "custom_api";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-6"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys (revoked ones included)
         * @description Owners and admins, signed in to the dashboard (cookie session + CSRF token). API keys cannot manage keys.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                    /** @description 1-based page number. */
                    page?: number;
                    /** @description Items per page (default 25). */
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-1"][];
                            meta: {
                                has_more?: boolean;
                                limit?: number;
                                next_cursor?: string | null;
                                page?: number;
                                pageSize?: number;
                                total?: number;
                                totalPages?: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API key
         * @description Owners and admins, signed in to the dashboard (cookie session + CSRF token). API keys cannot manage keys. The secret is in the response once and never again: replayed for the same Idempotency-Key, the response is the same key without `secret`.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description Omitted or empty: all scopes. */
                        scopes?: ("candidates.read" | "candidates.write" | "candidates.delete" | "interviews.read" | "interviews.write" | "evaluation_templates.read" | "evaluation_templates.write" | "webhooks.read" | "webhooks.write")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp.
                                 */
                                created_at: string;
                                /**
                                 * Format: uuid
                                 * @description UUID (version 7, time-ordered).
                                 */
                                id: string;
                                last_used_at: string | null;
                                name: string;
                                /** @description The first 12 characters of the secret, to recognise the key. */
                                prefix: string;
                                revoked_at: string | null;
                                scopes: ("candidates.read" | "candidates.write" | "candidates.delete" | "interviews.read" | "interviews.write" | "evaluation_templates.read" | "evaluation_templates.write" | "webhooks.read" | "webhooks.write")[];
                                /** @description The full secret, at creation; only a hash of it is stored. Shown once: absent when the response is an idempotent replay (`Idempotent-Replayed: true`); the secret cannot be shown again. */
                                secret?: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp.
                                 */
                                updated_at: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an API key
         * @description Owners and admins, signed in to the dashboard (cookie session + CSRF token). API keys cannot manage keys. Takes effect on the next request made with the key.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-1"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation-stages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a stage */
        delete: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update or move a stage */
        patch: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        agent_profile_id?: string | null;
                        /**
                         * @description What happens when a session of this stage passes: `none` (default), `auto_advance` (book the next stage and invite), `require_reviewer_approval`.
                         * @enum {string}
                         */
                        automation_rule?: "none" | "auto_advance" | "require_reviewer_approval";
                        duration_minutes?: number | null;
                        /** @description Overall score (0–10) a session of this stage needs to pass; default 7.0. Kept to two decimals. */
                        pass_threshold?: number;
                        stage_name?: string;
                        stage_order?: number;
                        /** @description Short label, unique within the template: lowercase letters, digits, "-" and "_" (e.g. screen, technical, final). */
                        type?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-5"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/evaluation-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List evaluation templates
         * @description Newest first. Page mode (`page`, `pageSize`) or cursor mode (`limit`, `cursor`).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                    /** @description Cursor mode: `meta.next_cursor` of the previous page. */
                    cursor?: string;
                    /** @description Cursor mode: items per page. */
                    limit?: number;
                    /** @description 1-based page number. */
                    page?: number;
                    /** @description Items per page (default 25). */
                    pageSize?: number;
                    /** @description Case-insensitive match on the name. */
                    q?: string;
                    status?: "draft" | "active" | "archived";
                    use_case?: "hiring" | "admissions" | "training" | "custom_api";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-4"][];
                            meta: {
                                has_more?: boolean;
                                limit?: number;
                                next_cursor?: string | null;
                                page?: number;
                                pageSize?: number;
                                total?: number;
                                totalPages?: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an evaluation template
         * @description Optionally with its stages, in order.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        agent_profile_id?: string | null;
                        /**
                         * @description Default `intermediate`.
                         * @enum {string}
                         */
                        default_difficulty?: "beginner" | "intermediate" | "advanced" | "expert" | "adaptive";
                        /** @description Minutes, 5–240. Default 30. */
                        default_duration_minutes?: number;
                        description?: string | null;
                        level?: string | null;
                        objective?: string | null;
                        requirements?: string | null;
                        /** @description Up to 100 entries of 1–100 characters. */
                        skills?: string[];
                        /** @description Up to 100 entries of 1–100 characters. */
                        soft_skills?: string[];
                        /** @description Stages in order. */
                        stages?: {
                            agent_profile_id?: string | null;
                            /**
                             * @description What happens when a session of this stage passes: `none` (default), `auto_advance` (book the next stage and invite), `require_reviewer_approval`.
                             * @enum {string}
                             */
                            automation_rule?: "none" | "auto_advance" | "require_reviewer_approval";
                            duration_minutes?: number | null;
                            /** @description Overall score (0–10) a session of this stage needs to pass; default 7.0. Kept to two decimals. */
                            pass_threshold?: number;
                            stage_name: string;
                            /** @description Short label, unique within the template: lowercase letters, digits, "-" and "_" (e.g. screen, technical, final). */
                            type: string;
                        }[];
                        /**
                         * @description Default `active`.
                         * @enum {string}
                         */
                        status?: "draft" | "active" | "archived";
                        /**
                         * @description Derived from use_case when omitted.
                         * @enum {string}
                         */
                        success_outcome?: "hire_no_hire" | "admit_reject" | "pass_fail" | "ready_needs_training" | "certified_not_certified" | "custom";
                        template_name: string;
                        /**
                         * @description Default `hiring`.
                         * @enum {string}
                         */
                        use_case?: "hiring" | "admissions" | "training" | "custom_api";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-4"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an evaluation template with its stages */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-4"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete an evaluation template
         * @description A template that has participants cannot be deleted (409 `template_in_use`); archive it instead.
         */
        delete: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Update an evaluation template
         * @description Any field; `null` clears an optional text field; `skills` and `soft_skills` replace the list.
         */
        patch: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        agent_profile_id?: string | null;
                        /**
                         * @description Default `intermediate`.
                         * @enum {string}
                         */
                        default_difficulty?: "beginner" | "intermediate" | "advanced" | "expert" | "adaptive";
                        /** @description Minutes, 5–240. Default 30. */
                        default_duration_minutes?: number;
                        description?: string | null;
                        level?: string | null;
                        objective?: string | null;
                        requirements?: string | null;
                        /** @description Up to 100 entries of 1–100 characters. */
                        skills?: string[];
                        /** @description Up to 100 entries of 1–100 characters. */
                        soft_skills?: string[];
                        /**
                         * @description Default `active`.
                         * @enum {string}
                         */
                        status?: "draft" | "active" | "archived";
                        /**
                         * @description Derived from use_case when omitted.
                         * @enum {string}
                         */
                        success_outcome?: "hire_no_hire" | "admit_reject" | "pass_fail" | "ready_needs_training" | "certified_not_certified" | "custom";
                        template_name?: string;
                        /**
                         * @description Default `hiring`.
                         * @enum {string}
                         */
                        use_case?: "hiring" | "admissions" | "training" | "custom_api";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-4"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/evaluation-templates/{id}/stages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a template's stages in order
         * @description A template with no stage has one implicit stage, `screen`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-5"][];
                            meta: {
                                has_more?: boolean;
                                limit?: number;
                                next_cursor?: string | null;
                                page?: number;
                                pageSize?: number;
                                total?: number;
                                totalPages?: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a stage to a template
         * @description Appended unless `stage_order` places it; later stages move down.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        agent_profile_id?: string | null;
                        /**
                         * @description What happens when a session of this stage passes: `none` (default), `auto_advance` (book the next stage and invite), `require_reviewer_approval`.
                         * @enum {string}
                         */
                        automation_rule?: "none" | "auto_advance" | "require_reviewer_approval";
                        duration_minutes?: number | null;
                        /** @description Overall score (0–10) a session of this stage needs to pass; default 7.0. Kept to two decimals. */
                        pass_threshold?: number;
                        stage_name: string;
                        /** @description Position (1-based); appended when omitted. */
                        stage_order?: number;
                        /** @description Short label, unique within the template: lowercase letters, digits, "-" and "_" (e.g. screen, technical, final). */
                        type: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-5"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the members of the account and their roles
         * @description Any member of the account, signed in to the dashboard. API keys cannot list members (403).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-2"][];
                            meta: {
                                has_more?: boolean;
                                limit?: number;
                                next_cursor?: string | null;
                                page?: number;
                                pageSize?: number;
                                total?: number;
                                totalPages?: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a member
         * @description An existing user (by email) is added; otherwise a user is created with `name` and the initial `password`. Only owners grant the owner role.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name?: string;
                        /** @description Initial password of a new user. */
                        password?: string;
                        /** @enum {string} */
                        role: "owner" | "admin" | "member" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-2"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member from the account */
        delete: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a member's role
         * @description The last owner cannot be demoted (409 `last_owner`).
         */
        patch: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "owner" | "admin" | "member" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-2"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the messages in the outbox
         * @description Without `SMTP_URL`, every message Docket sends lands here instead. Newest first; filters `to`, `session_id`, `kind`; page or cursor mode.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                    /** @description Cursor mode: `meta.next_cursor` of the previous page. */
                    cursor?: string;
                    kind?: "invite" | "update" | "cancellation" | "reminder" | "notice";
                    /** @description Cursor mode: items per page. */
                    limit?: number;
                    /** @description 1-based page number. */
                    page?: number;
                    /** @description Items per page (default 25). */
                    pageSize?: number;
                    /** @description UUID (version 7, time-ordered). */
                    session_id?: string;
                    /** @description Recipient address (exact). */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-8"][];
                            meta: {
                                has_more?: boolean;
                                limit?: number;
                                next_cursor?: string | null;
                                page?: number;
                                pageSize?: number;
                                total?: number;
                                totalPages?: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one outbox message */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-8"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox/{id}/raw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The message exactly as SMTP would have carried it
         * @description RFC 5322 bytes (`message/rfc822`), MIME parts and the calendar invitation included.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The RFC 5322 message. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "message/rfc822": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "message/rfc822": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "message/rfc822": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "message/rfc822": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "message/rfc822": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "message/rfc822": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How Docket delivers mail
         * @description `delivery` is `smtp` when `SMTP_URL` is set, otherwise `outbox` (messages are kept here instead of sent). `from` is `MAIL_FROM`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-9"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/participants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List participants
         * @description Newest first (ties broken by id). Page mode (`page`, `pageSize`, with totals) or cursor mode (`limit`, `cursor`: stable under concurrent inserts, keeps the filters of the first request).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                    /** @description Created at or after this time (inclusive). */
                    created_after?: string;
                    /** @description Created before this time (exclusive). */
                    created_before?: string;
                    /** @description Cursor mode: `meta.next_cursor` of the previous page. */
                    cursor?: string;
                    /** @description Exact, case-insensitive. */
                    email?: string;
                    evaluation_template_id?: string;
                    /** @description Exact. */
                    external_id?: string;
                    /** @description Cursor mode: items per page. */
                    limit?: number;
                    /** @description 1-based page number. */
                    page?: number;
                    /** @description Items per page (default 25). */
                    pageSize?: number;
                    /** @description Case-insensitive match within name or email. */
                    q?: string;
                    /** @description Order of the list: `created_at:desc` (newest first, the default), `created_at:asc`, `name:asc|desc` (case-insensitive, then email), `status:asc|desc`. Ties are broken by id. In cursor mode the cursor keeps the order of the first request. */
                    sort?: "created_at:desc" | "created_at:asc" | "name:asc" | "name:desc" | "status:asc" | "status:desc";
                    status?: "active" | "archived";
                    /** @description Repeatable (`tag=a&tag=b`); a participant must have all of them. Case-insensitive. */
                    tag?: string[];
                    /** @description Updated at or after this time (inclusive): incremental sync. */
                    updated_after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-7"][];
                            meta: {
                                has_more?: boolean;
                                limit?: number;
                                next_cursor?: string | null;
                                page?: number;
                                pageSize?: number;
                                total?: number;
                                totalPages?: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a participant
         * @description The same email may exist once per evaluation template (or once without one) in an account; a duplicate is 409 `participant_exists` with `existing_id`.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Name and email are required. Strings are trimmed; unknown fields are rejected. */
            requestBody: {
                content: {
                    "application/json": {
                        background?: {
                            education?: string | null;
                            languages?: string[];
                            skills?: string[];
                        } | null;
                        /**
                         * Format: email
                         * @description A valid address; the invite goes here.
                         */
                        email: string;
                        evaluation_template_id?: string | null;
                        external_id?: string | null;
                        metadata?: {
                            [key: string]: string;
                        } | null;
                        /** @description Full name, 1–200 characters. */
                        name: string;
                        phone?: string | null;
                        profile?: {
                            experienceLevel?: string | null;
                            location?: string | null;
                            organization?: string | null;
                            title?: string | null;
                        } | null;
                        resume_url?: string | null;
                        /**
                         * @description Default `active`.
                         * @enum {string}
                         */
                        status?: "active" | "archived";
                        tags?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-7"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/participants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a participant */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-7"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a participant */
        delete: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Update a participant
         * @description Any field. `tags` replaces the list; `profile`, `background` and `metadata` replace the whole object; `null` clears an optional field. A change that makes it a duplicate is 409 `participant_exists`.
         */
        patch: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            /** @description Any field. `tags` replaces the list; `profile`, `background` and `metadata` replace the whole object; `null` clears an optional field. */
            requestBody: {
                content: {
                    "application/json": {
                        background?: {
                            education?: string | null;
                            languages?: string[];
                            skills?: string[];
                        } | null;
                        /**
                         * Format: email
                         * @description A valid address; the invite goes here.
                         */
                        email?: string;
                        evaluation_template_id?: string | null;
                        external_id?: string | null;
                        metadata?: {
                            [key: string]: string;
                        } | null;
                        /** @description Full name, 1–200 characters. */
                        name?: string;
                        phone?: string | null;
                        profile?: {
                            experienceLevel?: string | null;
                            location?: string | null;
                            organization?: string | null;
                            title?: string | null;
                        } | null;
                        resume_url?: string | null;
                        /**
                         * @description Default `active`.
                         * @enum {string}
                         */
                        status?: "active" | "archived";
                        tags?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-7"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/participants/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a participant's resume
         * @description The resume object of the participant, its link, and once `ready` the text read from it and the skills of the evaluation template found in the text. 404 when the participant has no `resume_url`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @example {
                             *       "status": "ready",
                             *       "fetched_at": "2026-01-31T12:00:05.000Z",
                             *       "characters": 5231,
                             *       "content_type": "application/pdf",
                             *       "resume_url": "https://files.example.com/jane-resume.pdf",
                             *       "text": "Jane Smith\nSenior Software Engineer\n…",
                             *       "matched_skills": [
                             *         "TypeScript",
                             *         "PostgreSQL"
                             *       ]
                             *     }
                             * @example {
                             *       "status": "failed",
                             *       "error": {
                             *         "code": "empty_text",
                             *         "message": "The PDF has no text (a scanned document?)."
                             *       },
                             *       "fetched_at": "2026-01-31T12:00:05.000Z",
                             *       "content_type": "application/pdf",
                             *       "resume_url": "https://files.example.com/scan.pdf",
                             *       "text": null,
                             *       "matched_skills": []
                             *     }
                             */
                            data: {
                                /** @description Characters of text read (at most 200,000). */
                                characters?: number;
                                /** @description The type identified from the bytes, e.g. `application/pdf`. */
                                content_type?: string;
                                error?: {
                                    /** @enum {string} */
                                    code: "blocked_address" | "http_error" | "too_large" | "timeout" | "unsupported_type" | "empty_text" | "extraction_failed";
                                    message: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp.
                                 */
                                fetched_at?: string;
                                /** @description The skills of the participant's evaluation template found in the text: case-insensitive, on word boundaries ("Go" is not found in "Google"). Empty unless `status` is `ready`. */
                                matched_skills: string[];
                                /** @description The link the resume is read from. */
                                resume_url: string;
                                /** @enum {string} */
                                status: "pending" | "ready" | "failed";
                                /** @description The text read from the file (normalised, at most 200,000 characters); null unless `status` is `ready`. */
                                text: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/participants/{id}/resume/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fetch a participant's resume again
         * @description Sets the resume back to `pending` and downloads and reads it again in the background (`resume.ready` or `resume.failed` follows). 404 when the participant has no `resume_url`.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Present when resume_url is set; the resume is fetched and read in the background. `error` says why a `failed` one could not be read. */
                            data: {
                                /** @description Characters of text read (at most 200,000). */
                                characters?: number;
                                /** @description The type identified from the bytes, e.g. `application/pdf`. */
                                content_type?: string;
                                error?: {
                                    /** @enum {string} */
                                    code: "blocked_address" | "http_error" | "too_large" | "timeout" | "unsupported_type" | "empty_text" | "extraction_failed";
                                    message: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp.
                                 */
                                fetched_at?: string;
                                /** @enum {string} */
                                status: "pending" | "ready" | "failed";
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/participants/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A participant's timeline
         * @description Their record, their sessions’ status changes and scores, and every message sent about them, newest first.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-12"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/participants/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create up to 500 participants
         * @description One transaction. Each item takes the fields of `POST /participants` and is validated on its own: invalid items are reported with their `issues` and skipped, duplicates (stored, or earlier in the batch) are skipped with `existing_id`, the rest are created. `results` follow the input order. More than 500 items → 400, nothing created. Body up to 5 MiB. Like every body, one holding NUL characters or unpaired surrogates anywhere, nested deeper than 32 levels, or with a `__proto__` key is refused whole (400, nothing created).
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "participants": [
                     *         {
                     *           "name": "Jane Smith",
                     *           "email": "jane@example.com",
                     *           "external_id": "greenhouse-8821",
                     *           "evaluation_template_id": "ce1cd564-8f3a-4b6e-9c21-5d7e0a2b4f68",
                     *           "profile": {
                     *             "title": "Software Engineer",
                     *             "experienceLevel": "senior"
                     *           },
                     *           "resume_url": "https://files.example.com/jane-resume.pdf",
                     *           "tags": [
                     *             "senior",
                     *             "backend"
                     *           ]
                     *         },
                     *         {
                     *           "name": "Carlos Reyes",
                     *           "email": "carlos@yourco.com",
                     *           "external_id": "workday-44120",
                     *           "evaluation_template_id": "ce1cd564-8f3a-4b6e-9c21-5d7e0a2b4f68",
                     *           "profile": {
                     *             "title": "Account Executive",
                     *             "organization": "West Region"
                     *           },
                     *           "tags": [
                     *             "q3-cohort"
                     *           ]
                     *         },
                     *         {
                     *           "name": "Jane Smith (again)",
                     *           "email": "JANE@example.com",
                     *           "evaluation_template_id": "ce1cd564-8f3a-4b6e-9c21-5d7e0a2b4f68"
                     *         },
                     *         {
                     *           "name": "No email"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        accountSlug?: string;
                        /** @description Up to 500 participants (more → 400, nothing created). */
                        participants: unknown[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created: number;
                                dry_run?: boolean;
                                failed: number;
                                results: {
                                    /**
                                     * Format: uuid
                                     * @description UUID (version 7, time-ordered).
                                     */
                                    existing_id?: string;
                                    /**
                                     * Format: uuid
                                     * @description UUID (version 7, time-ordered).
                                     */
                                    id?: string;
                                    /** @description Position in the request (bulk, from 0) or row number in the file (import, header = row 1). */
                                    index: number;
                                    issues?: {
                                        code: string;
                                        message: string;
                                        path: string;
                                    }[];
                                    /** @description Import: the line of the file where the row starts. */
                                    line?: number;
                                    /** @enum {string} */
                                    status: "created" | "skipped" | "failed";
                                }[];
                                skipped: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/participants/bulk-delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete up to 500 participants at once
         * @description One transaction; each deleted participant gets its `participant.deleted` event in it. `results` has one entry per id, in request order: `deleted` or `not_found`.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "ids": [
                     *         "0195d3a2-7c41-7e0b-8f1a-3b5c7d9e1f20"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        accountSlug?: string;
                        /** @description Up to 500 participant ids (more → 400, nothing changed). Ids of other accounts or of no participant are reported as `not_found`. */
                        ids: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Participants updated or deleted. */
                                changed: number;
                                failed: number;
                                not_found: number;
                                /** @description One per id, in the order of the request. */
                                results: {
                                    /**
                                     * Format: uuid
                                     * @description UUID (version 7, time-ordered).
                                     */
                                    existing_id?: string;
                                    id: string;
                                    /** @description Position of the id in the request, from 0. */
                                    index: number;
                                    issues?: {
                                        code: string;
                                        message: string;
                                        path: string;
                                    }[];
                                    /**
                                     * @description `updated` / `deleted`: done, with its event; `unchanged`: already so, nothing written; `not_found`: no such participant in the account; `failed`: see `issues`.
                                     * @enum {string}
                                     */
                                    status: "updated" | "deleted" | "unchanged" | "not_found" | "failed";
                                }[];
                                unchanged: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/participants/bulk-export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Export chosen participants as CSV
         * @description The listed participants (up to 500) as the CSV of `GET /participants/export`, newest first. Ids of no participant of the account are left out.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "ids": [
                     *         "0195d3a2-7c41-7e0b-8f1a-3b5c7d9e1f20"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        accountSlug?: string;
                        /** @description Up to 500 participant ids (more → 400, nothing changed). Ids of other accounts or of no participant are reported as `not_found`. */
                        ids: string[];
                    };
                };
            };
            responses: {
                /** @description CSV with a header row. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/participants/bulk-update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change up to 500 participants at once
         * @description Archive or unarchive (`status`), move to a template (`evaluation_template_id`, `null` for none), add or remove tags — on every listed participant, in one transaction.
         *
         *     Each participant is changed as `PATCH /participants/{id}` would change it and gets its `participant.updated` event in the same transaction. `results` has one entry per id, in request order: `updated`, `unchanged` (already so; nothing written, no event), `not_found`, or `failed` with `issues` (a move that would duplicate an email in the target template carries `existing_id`). A template of another account is 404 for the whole call.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accountSlug?: string;
                        /** @description What to change on every participant; at least one field. */
                        changes: {
                            /** @description Tags to add (case-insensitive duplicates are not added twice). */
                            add_tags?: string[];
                            evaluation_template_id?: string | null;
                            /** @description Tags to remove, case-insensitive. */
                            remove_tags?: string[];
                            /**
                             * @description Archive (`archived`) or unarchive (`active`).
                             * @enum {string}
                             */
                            status?: "active" | "archived";
                        };
                        /** @description Up to 500 participant ids (more → 400, nothing changed). Ids of other accounts or of no participant are reported as `not_found`. */
                        ids: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Participants updated or deleted. */
                                changed: number;
                                failed: number;
                                not_found: number;
                                /** @description One per id, in the order of the request. */
                                results: {
                                    /**
                                     * Format: uuid
                                     * @description UUID (version 7, time-ordered).
                                     */
                                    existing_id?: string;
                                    id: string;
                                    /** @description Position of the id in the request, from 0. */
                                    index: number;
                                    issues?: {
                                        code: string;
                                        message: string;
                                        path: string;
                                    }[];
                                    /**
                                     * @description `updated` / `deleted`: done, with its event; `unchanged`: already so, nothing written; `not_found`: no such participant in the account; `failed`: see `issues`.
                                     * @enum {string}
                                     */
                                    status: "updated" | "deleted" | "unchanged" | "not_found" | "failed";
                                }[];
                                unchanged: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/participants/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export participants as CSV
         * @description The filtered list (same filters as the list), newest first, streamed. The columns are those of the import, plus read-only `id`, `created_at` and `updated_at`, so an export imports back as it is.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                    /** @description Created at or after this time (inclusive). */
                    created_after?: string;
                    /** @description Created before this time (exclusive). */
                    created_before?: string;
                    /** @description Exact, case-insensitive. */
                    email?: string;
                    evaluation_template_id?: string;
                    /** @description Exact. */
                    external_id?: string;
                    /** @description Case-insensitive match within name or email. */
                    q?: string;
                    /** @description Order of the list: `created_at:desc` (newest first, the default), `created_at:asc`, `name:asc|desc` (case-insensitive, then email), `status:asc|desc`. Ties are broken by id. In cursor mode the cursor keeps the order of the first request. */
                    sort?: "created_at:desc" | "created_at:asc" | "name:asc" | "name:desc" | "status:asc" | "status:desc";
                    status?: "active" | "archived";
                    /** @description Repeatable (`tag=a&tag=b`); a participant must have all of them. Case-insensitive. */
                    tag?: string[];
                    /** @description Updated at or after this time (inclusive): incremental sync. */
                    updated_after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV with a header row. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/participants/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import participants from a CSV file
         * @description Send the file as the body with `Content-Type: text/csv` (UTF-8, with or without BOM; up to 50,000 rows and 20 MiB).
         *
         *     Header row with columns `name`, `email` (required), `evaluation_template_id` or `template_name`, `external_id`, `phone`, `tags` (separated by `;` or `|`), `resume_url`, `title`, `organization`, `experience_level`, `location`, `status`; `id`, `created_at` and `updated_at` (as exported) are ignored.
         *
         *     Each row has the outcome of a bulk item; `index` is its row number (the header is row 1) and `line` the line where it starts. Valid rows are written in transactions of 500. A malformed file is 400 `invalid_csv` naming the line, with nothing written. `dry_run=true` reports without writing.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                    /** @description Validate and report without writing. */
                    dry_run?: boolean;
                    /** @description Put every row in this template, whatever the file's template columns say. */
                    evaluation_template_id?: string;
                    /** @description Like evaluation_template_id, by name (case-insensitive). */
                    template_name?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example name,email,template_name,external_id,tags,title,experience_level
                     *     Jane Smith,jane@example.com,Backend Engineer,greenhouse-8821,senior;backend,Software Engineer,senior
                     *     "Reyes, Carlos",carlos@yourco.com,Backend Engineer,workday-44120,q3-cohort,Account Executive,
                     */
                    "text/csv": string;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description The columns of the file that were read, in file order (other known columns such as `id` are ignored). */
                                columns: ("name" | "email" | "evaluation_template_id" | "template_name" | "external_id" | "phone" | "tags" | "resume_url" | "title" | "organization" | "experience_level" | "location" | "status")[];
                                created: number;
                                dry_run?: boolean;
                                failed: number;
                                results: {
                                    /**
                                     * Format: uuid
                                     * @description UUID (version 7, time-ordered).
                                     */
                                    existing_id?: string;
                                    /**
                                     * Format: uuid
                                     * @description UUID (version 7, time-ordered).
                                     */
                                    id?: string;
                                    /** @description Position in the request (bulk, from 0) or row number in the file (import, header = row 1). */
                                    index: number;
                                    issues?: {
                                        code: string;
                                        message: string;
                                        path: string;
                                    }[];
                                    /** @description Import: the line of the file where the row starts. */
                                    line?: number;
                                    /** @enum {string} */
                                    status: "created" | "skipped" | "failed";
                                }[];
                                skipped: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List sessions
         * @description Newest first. Filters `candidate_id`, `status`, `evaluation_template_id`, `stage`, `scheduled_after`, `scheduled_before`, `updated_after`; page or cursor mode.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                    /** @description UUID (version 7, time-ordered). */
                    candidate_id?: string;
                    /** @description Cursor mode: `meta.next_cursor` of the previous page. */
                    cursor?: string;
                    /** @description UUID (version 7, time-ordered). */
                    evaluation_template_id?: string;
                    /** @description Cursor mode: items per page. */
                    limit?: number;
                    /** @description 1-based page number. */
                    page?: number;
                    /** @description Items per page (default 25). */
                    pageSize?: number;
                    /** @description scheduled_at at or after this time. */
                    scheduled_after?: string;
                    /** @description scheduled_at before this time. */
                    scheduled_before?: string;
                    stage?: string;
                    status?: "scheduled" | "in_progress" | "completed" | "failed" | "cancelled";
                    /** @description Changed at or after this time (incremental sync). */
                    updated_after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-10"][];
                            meta: {
                                has_more?: boolean;
                                limit?: number;
                                next_cursor?: string | null;
                                page?: number;
                                pageSize?: number;
                                total?: number;
                                totalPages?: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Book a session
         * @description Books an interview for a participant and emails them the invite (with a calendar invitation when `scheduled_at` is set). The participant, template and stage must belong to the account (404). The template defaults to the participant’s own, the stage to the template’s first.
         *
         *     An open (`scheduled` or `in_progress`) session for the same participant and stage is 409 `session_exists` with `existing_id`; `force: true` cancels a scheduled one (the participant is told) and books the new one. An archived participant is 409 `participant_archived`.
         *
         *     `idempotency_key` in the body works like the `Idempotency-Key` header: a retry replays the first response.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accountSlug?: string;
                        /**
                         * Format: uuid
                         * @description The participant (same account; 404 otherwise).
                         */
                        candidate_id: string;
                        /**
                         * Format: uuid
                         * @description The template; default the participant's own.
                         */
                        evaluation_template_id?: string;
                        /** @description Replace an open scheduled session of the same participant and stage (it is cancelled) instead of 409. */
                        force?: boolean;
                        /** @description Same as the Idempotency-Key header: a retry replays the first response. */
                        idempotency_key?: string;
                        /**
                         * Format: uuid
                         * @description The stage's id (alternative to `stage`).
                         */
                        interview_id?: string;
                        notes?: string | null;
                        scheduled_at?: string | null;
                        /** @description The stage's type, e.g. `screen`. Default: the template's first stage. */
                        stage?: string;
                        /** @description IANA time zone name, e.g. `Europe/Kyiv` or `America/New_York`. Default `UTC`. */
                        timezone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-10"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a session */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-10"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Reschedule a session
         * @description Moves a `scheduled` session (`scheduled_at: null` removes the fixed time) and optionally changes its time zone. The participant gets an update with the same calendar UID and a higher SEQUENCE; reminders move along. Answers `{data: session}` (clients of the published `{ "success": true }` only need a 2xx).
         */
        patch: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        scheduled_at: string | null;
                        /** @description IANA time zone name, e.g. `Europe/Kyiv` or `America/New_York`. Default `UTC`. */
                        timezone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-10"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/sessions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a session
         * @description A `scheduled` session only. The participant gets a cancellation (`METHOD:CANCEL` for their calendar); reminders are dropped.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Kept in the status history; not sent to the participant. */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-10"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a session
         * @description For an external interview engine. From `in_progress` only. Lifecycle: `scheduled` → `in_progress` → `completed` | `failed`; `scheduled` → `cancelled`. Any other move is 409 `invalid_transition`; finished sessions never change. Each move is kept in `status_history` and writes its `session.*` event.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-10"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/fail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fail a session
         * @description For an external interview engine. From `in_progress` only. Lifecycle: `scheduled` → `in_progress` → `completed` | `failed`; `scheduled` → `cancelled`. Any other move is 409 `invalid_transition`; finished sessions never change. Each move is kept in `status_history` and writes its `session.*` event.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-10"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/interview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A session's interview: plan, signals, scoring
         * @description The frozen plan (source, model and versions, the interviewer and rubric, the questions), the authenticity signals (raw counts), and the scoring: its status, who or what wrote the scorecard, and every scorecard a later one replaced.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-17"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/resend-invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the invite again
         * @description A `scheduled` session only: the invitation as it stands now (same calendar version).
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-10"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/scorecard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the scorecard
         * @description For an external interview engine or a person: the §10 scorecard of a `completed` session (a later call overrides it) and the `session.scored` event. `recommendation` must be in the template’s success outcome vocabulary.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description One entry per rubric dimension. */
                        evaluation_breakdown?: {
                            evidence?: {
                                quote: string;
                                /** @description The transcript turn the quote comes from. */
                                turn_seq?: number;
                            }[];
                            /** @description The rubric dimension. */
                            name: string;
                            reasoning?: string;
                            /** @description 0–10. */
                            score: number;
                            /** @description Its weight in the total (weights sum to 100). */
                            weight?: number;
                        }[];
                        passed?: boolean;
                        /** @description In the template's success outcome vocabulary: hire / no_hire, admit / reject, pass / fail, ready / needs_training, certified / not_certified; any word for `custom`. */
                        recommendation?: string;
                        /**
                         * Format: uri
                         * @description An http(s) URL.
                         */
                        recording_url?: string;
                        /** @description 0–10. May be left out for a session Docket interviewed when `evaluation_breakdown` scores every dimension of its rubric: the weighted score is computed (and `passed` from the stage's threshold). */
                        score?: number;
                        summary?: string;
                        /**
                         * Format: uri
                         * @description An http(s) URL.
                         */
                        transcript_url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-10"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a session
         * @description For an external interview engine. From `scheduled` only. Lifecycle: `scheduled` → `in_progress` → `completed` | `failed`; `scheduled` → `cancelled`. Any other move is 409 `invalid_transition`; finished sessions never change. Each move is kept in `status_history` and writes its `session.*` event.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-10"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/transcript": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A session's transcript
         * @description The turns of the interview Docket conducted, in order, each as it was sent.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-16"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a delivery with its attempts
         * @description Each attempt: time, status code, latency, error, and the first 1 KiB of the response body.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                attempts: number;
                                attempts_log: components["schemas"]["def-20"][];
                                body: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp.
                                 */
                                created_at: string;
                                delivered_at: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID (version 7, time-ordered).
                                 */
                                endpoint_id: string;
                                event: string;
                                /** @description The event id: the `webhook-id` header of every attempt. */
                                event_id: string;
                                /**
                                 * Format: uuid
                                 * @description UUID (version 7, time-ordered).
                                 */
                                id: string;
                                last_error: string | null;
                                last_status_code: number | null;
                                next_attempt_at: string | null;
                                /** @enum {string} */
                                status: "pending" | "succeeded" | "failed";
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp.
                                 */
                                updated_at: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again
         * @description Same `webhook-id` (the event id), fresh timestamp and signature.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-19"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook endpoints
         * @description Newest first.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                    /** @description 1-based page number. */
                    page?: number;
                    /** @description Items per page (default 25). */
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-18"][];
                            meta: {
                                has_more?: boolean;
                                limit?: number;
                                next_cursor?: string | null;
                                page?: number;
                                pageSize?: number;
                                total?: number;
                                totalPages?: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a webhook endpoint
         * @description The response carries the signing secret (`whsec_…`) once. Deliveries are signed per Standard Webhooks; receivers verify `webhook-signature` with it.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        enabled?: boolean;
                        /** @description Event types to receive; `["*"]` (or omitted, or empty) for every type. */
                        events?: ("*" | "participant.created" | "participant.updated" | "participant.deleted" | "session.created" | "session.rescheduled" | "session.started" | "session.completed" | "session.scored" | "session.failed" | "session.cancelled" | "resume.ready" | "resume.failed" | "webhook.test")[];
                        /** @description https URL (http only to targets on OUTBOUND_ALLOW). */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp.
                                 */
                                created_at: string;
                                description: string | null;
                                disabled_reason: string | null;
                                enabled: boolean;
                                /** @description `["*"]`: every event type. */
                                events: string[];
                                /**
                                 * Format: uuid
                                 * @description UUID (version 7, time-ordered).
                                 */
                                id: string;
                                previous_secret_expires_at: string | null;
                                /** @description The signing secret (`whsec_` + base64 of 32 bytes). Shown once: absent when the response is an idempotent replay (`Idempotent-Replayed: true`); the secret cannot be shown again. */
                                secret?: string;
                                /** @enum {string} */
                                status: "enabled" | "disabled";
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp.
                                 */
                                updated_at: string;
                                url: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-18"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint
         * @description With its deliveries; pending ones are not sent.
         */
        delete: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Update a webhook endpoint
         * @description `url`, `events`, `description`, `enabled` (true re-enables an endpoint that was disabled).
         */
        patch: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        /** @description true re-enables a disabled endpoint. */
                        enabled?: boolean;
                        /** @description Event types to receive; `["*"]` (or omitted, or empty) for every type. */
                        events?: ("*" | "participant.created" | "participant.updated" | "participant.deleted" | "session.created" | "session.rescheduled" | "session.started" | "session.completed" | "session.scored" | "session.failed" | "session.cancelled" | "resume.ready" | "resume.failed" | "webhook.test")[];
                        /** @description https URL (http only to targets on OUTBOUND_ALLOW). */
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-18"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the deliveries of an endpoint
         * @description Newest first; filters `status` and `event`. Kept for WEBHOOK_RETENTION_DAYS (30).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                    event?: "participant.created" | "participant.updated" | "participant.deleted" | "session.created" | "session.rescheduled" | "session.started" | "session.completed" | "session.scored" | "session.failed" | "session.cancelled" | "resume.ready" | "resume.failed" | "webhook.test";
                    /** @description 1-based page number. */
                    page?: number;
                    /** @description Items per page (default 25). */
                    pageSize?: number;
                    status?: "pending" | "succeeded" | "failed";
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-19"][];
                            meta: {
                                has_more?: boolean;
                                limit?: number;
                                next_cursor?: string | null;
                                page?: number;
                                pageSize?: number;
                                total?: number;
                                totalPages?: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{id}/recover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send again every failed delivery since a time */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Every failed delivery created at or after this time is sent again.
                         */
                        since: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                replayed: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description The new secret is in the response once. For 24 hours every delivery carries two `v1,` signatures: the new secret’s and the old one’s.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp.
                                 */
                                created_at: string;
                                description: string | null;
                                disabled_reason: string | null;
                                enabled: boolean;
                                /** @description `["*"]`: every event type. */
                                events: string[];
                                /**
                                 * Format: uuid
                                 * @description UUID (version 7, time-ordered).
                                 */
                                id: string;
                                previous_secret_expires_at: string | null;
                                /** @description The signing secret (`whsec_` + base64 of 32 bytes). Shown once: absent when the response is an idempotent replay (`Idempotent-Replayed: true`); the secret cannot be shown again. */
                                secret?: string;
                                /** @enum {string} */
                                status: "enabled" | "disabled";
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp.
                                 */
                                updated_at: string;
                                url: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test event
         * @description A `webhook.test` event, to this endpoint only. Answers with the delivery (sent in the background).
         */
        post: {
            parameters: {
                query?: {
                    /** @description Optional with an API key (must match its account); required with a dashboard session. */
                    accountSlug?: string;
                };
                header?: never;
                path: {
                    /** @description UUID (version 7, time-ordered). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-19"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable code. */
                            code: string;
                            /** @description A human sentence. */
                            error: string;
                            existing_id?: string;
                            issues: {
                                code: string;
                                message: string;
                                path: string;
                            }[];
                            request_id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** Me */
        "def-0": {
            accounts: {
                /**
                 * Format: uuid
                 * @description UUID (version 7, time-ordered).
                 */
                id: string;
                name: string;
                /** @enum {string} */
                role: "owner" | "admin" | "member" | "viewer";
                slug: string;
            }[];
            /** @description Send as the x-csrf-token header on state-changing requests. */
            csrf_token: string;
            user: {
                email: string;
                /**
                 * Format: uuid
                 * @description UUID (version 7, time-ordered).
                 */
                id: string;
                name: string;
            };
        };
        /** ApiKey */
        "def-1": {
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description UUID (version 7, time-ordered).
             */
            id: string;
            last_used_at: string | null;
            name: string;
            /** @description The first 12 characters of the secret, to recognise the key. */
            prefix: string;
            revoked_at: string | null;
            scopes: ("candidates.read" | "candidates.write" | "candidates.delete" | "interviews.read" | "interviews.write" | "evaluation_templates.read" | "evaluation_templates.write" | "webhooks.read" | "webhooks.write")[];
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            updated_at: string;
        };
        /** Member */
        "def-2": {
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            created_at: string;
            email: string;
            name: string;
            /** @enum {string} */
            role: "owner" | "admin" | "member" | "viewer";
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            updated_at: string;
            /**
             * Format: uuid
             * @description UUID (version 7, time-ordered).
             */
            user_id: string;
        };
        /** Account */
        "def-3": {
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description UUID (version 7, time-ordered).
             */
            id: string;
            name: string;
            /** @description Fixed: it is part of every dashboard URL and of API calls made with `accountSlug`. */
            slug: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            updated_at: string;
        };
        /** EvaluationTemplate */
        "def-4": {
            agent_profile_id: string | null;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            created_at: string;
            /** @enum {string} */
            default_difficulty: "beginner" | "intermediate" | "advanced" | "expert" | "adaptive";
            default_duration_minutes: number;
            description: string | null;
            /**
             * Format: uuid
             * @description UUID (version 7, time-ordered).
             */
            id: string;
            level: string | null;
            objective: string | null;
            requirements: string | null;
            skills: string[];
            soft_skills: string[];
            stages: components["schemas"]["def-5"][];
            /** @enum {string} */
            status: "draft" | "active" | "archived";
            /** @enum {string} */
            success_outcome: "hire_no_hire" | "admit_reject" | "pass_fail" | "ready_needs_training" | "certified_not_certified" | "custom";
            template_name: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            updated_at: string;
            /** @enum {string} */
            use_case: "hiring" | "admissions" | "training" | "custom_api";
        };
        /** EvaluationStage */
        "def-5": {
            agent_profile_id: string | null;
            /** @enum {string} */
            automation_rule: "none" | "auto_advance" | "require_reviewer_approval";
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            created_at: string;
            /** @description The stage's own duration, or the template's default. */
            duration_minutes: number;
            id: string | null;
            /** @description True for the single "screen" stage of a template that defines none. */
            implicit: boolean;
            /** @description Overall score (0–10) a session needs to pass. */
            pass_threshold: number;
            stage_name: string;
            stage_order: number;
            /**
             * Format: uuid
             * @description UUID (version 7, time-ordered).
             */
            template_id: string;
            type: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            updated_at: string;
        };
        /** AgentProfile */
        "def-6": {
            additionalInstructions: string | null;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            created_at: string;
            evaluationDimensions: {
                description: string;
                name: string;
                threshold: number | null;
                weight: number;
            }[];
            /**
             * Format: uuid
             * @description UUID (version 7, time-ordered).
             */
            id: string;
            interaction: {
                /** @enum {string} */
                probingDepth: "low" | "medium" | "high";
                /** @enum {string} */
                style: "structured" | "conversational" | "adaptive";
                /** @enum {string} */
                tone: "friendly" | "professional" | "strict" | "challenging";
            };
            name: string;
            persona: string | null;
            /** @description True for the starter profiles Docket created with the account. */
            starter: boolean;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            updated_at: string;
            /** @enum {string} */
            useCase: "hiring" | "admissions" | "training" | "custom_api";
        };
        /**
         * Participant
         * @example {
         *       "id": "0195d3a2-7c41-7e0b-8f1a-3b5c7d9e1f20",
         *       "name": "Jane Smith",
         *       "email": "jane@example.com",
         *       "evaluation_template_id": "ce1cd564-8f3a-4b6e-9c21-5d7e0a2b4f68",
         *       "external_id": "greenhouse-8821",
         *       "phone": null,
         *       "tags": [
         *         "senior",
         *         "backend"
         *       ],
         *       "profile": {
         *         "title": "Software Engineer",
         *         "experienceLevel": "senior"
         *       },
         *       "background": null,
         *       "resume_url": "https://files.example.com/jane-resume.pdf",
         *       "resume": {
         *         "status": "pending"
         *       },
         *       "metadata": {},
         *       "status": "active",
         *       "created_at": "2026-01-31T12:00:00.000Z",
         *       "updated_at": "2026-01-31T12:00:00.000Z"
         *     }
         */
        "def-7": {
            background: {
                education?: string;
                languages?: string[];
                skills?: string[];
            } | null;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            created_at: string;
            email: string;
            /** Format: uuid */
            evaluation_template_id: string | null;
            external_id: string | null;
            /**
             * Format: uuid
             * @description UUID (version 7, time-ordered).
             */
            id: string;
            metadata: {
                [key: string]: string;
            };
            name: string;
            phone: string | null;
            profile: {
                experienceLevel?: string;
                location?: string;
                organization?: string;
                title?: string;
            } | null;
            /** @description Present when resume_url is set; the resume is fetched and read in the background. `error` says why a `failed` one could not be read. */
            resume: {
                /** @description Characters of text read (at most 200,000). */
                characters?: number;
                /** @description The type identified from the bytes, e.g. `application/pdf`. */
                content_type?: string;
                error?: {
                    /** @enum {string} */
                    code: "blocked_address" | "http_error" | "too_large" | "timeout" | "unsupported_type" | "empty_text" | "extraction_failed";
                    message: string;
                };
                /**
                 * Format: date-time
                 * @description ISO-8601 UTC timestamp.
                 */
                fetched_at?: string;
                /** @enum {string} */
                status: "pending" | "ready" | "failed";
            } | null;
            resume_url: string | null;
            /** @enum {string} */
            status: "active" | "archived";
            tags: string[];
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            updated_at: string;
        };
        /** OutboxMessage */
        "def-8": {
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            created_at: string;
            /** @description The HTML part. */
            html: string;
            ics: string | null;
            /**
             * Format: uuid
             * @description UUID (version 7, time-ordered).
             */
            id: string;
            /** @enum {string} */
            kind: "invite" | "update" | "cancellation" | "reminder" | "notice";
            session_id: string | null;
            subject: string;
            /** @description The plain-text part. */
            text: string;
            /** @description The recipient. */
            to: string;
        };
        /** MailDelivery */
        "def-9": {
            /**
             * @description `outbox` when no SMTP server is configured.
             * @enum {string}
             */
            delivery: "smtp" | "outbox";
            /** @description The sender of every message (MAIL_FROM). */
            from: string;
        };
        /** Session */
        "def-10": {
            /**
             * Format: uuid
             * @description UUID (version 7, time-ordered).
             */
            candidate_id: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            created_at: string;
            duration_minutes: number;
            ended_at: string | null;
            evaluation_breakdown: {
                evidence?: {
                    quote: string;
                    /** @description The transcript turn the quote comes from. */
                    turn_seq?: number;
                }[];
                /** @description The rubric dimension. */
                name: string;
                reasoning?: string;
                /** @description 0–10. */
                score: number;
                /** @description Its weight in the total (weights sum to 100). */
                weight?: number;
            }[] | null;
            /**
             * Format: uuid
             * @description UUID (version 7, time-ordered).
             */
            evaluation_template_id: string;
            /**
             * Format: uuid
             * @description UUID (version 7, time-ordered).
             */
            id: string;
            interview_id: string | null;
            invite: components["schemas"]["def-11"] | null;
            /** @description The participant’s link (no sign-in). */
            join_url: string;
            notes: string | null;
            /** @description Who the session is for (read-only summary). */
            participant: {
                email: string;
                external_id: string | null;
                name: string;
            };
            passed: boolean | null;
            recommendation: string | null;
            recording_url: string | null;
            scheduled_at: string | null;
            score: number | null;
            scored_at: string | null;
            /** @description The stage's type. */
            stage: string;
            started_at: string | null;
            /** @enum {string} */
            status: "scheduled" | "in_progress" | "completed" | "failed" | "cancelled";
            status_history: {
                /**
                 * Format: date-time
                 * @description ISO-8601 UTC timestamp.
                 */
                at: string;
                reason?: string;
                /** @enum {string} */
                status: "scheduled" | "in_progress" | "completed" | "failed" | "cancelled";
            }[];
            summary: string | null;
            timezone: string;
            transcript_url: string | null;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            updated_at: string;
        };
        /** SessionInvite */
        "def-11": {
            /** @description Delivery attempts of the latest message. */
            attempts: number;
            /** @enum {string} */
            kind: "invite" | "update" | "cancellation" | "reminder" | "notice";
            last_error: string | null;
            last_sent_at: string | null;
            /**
             * @description Of the latest invitation, update or cancellation: queued (not sent yet), sent (SMTP accepted it), outbox (no SMTP: kept in the outbox), failed.
             * @enum {string}
             */
            status: "queued" | "sent" | "outbox" | "failed";
        };
        /** TimelineItem */
        "def-12": {
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            at: string;
            detail: string | null;
            session_id: string | null;
            title: string;
            /** @enum {string} */
            type: "participant.created" | "participant.updated" | "session.created" | "session.started" | "session.completed" | "session.failed" | "session.cancelled" | "session.scored" | "mail.invite" | "mail.update" | "mail.cancellation" | "mail.reminder" | "mail.notice";
        };
        /** JoinView */
        "def-13": {
            duration_minutes: number;
            local_time: string | null;
            participant_name: string;
            scheduled_at: string | null;
            stage_name: string;
            /** @enum {string} */
            status: "scheduled" | "in_progress" | "completed" | "failed" | "cancelled";
            team_name: string;
            template_name: string;
            timezone: string;
        };
        /** InterviewView */
        "def-14": {
            consent_text: string;
            duration_minutes: number;
            interviewer: {
                name: string;
                persona: string | null;
            };
            /** @enum {string} */
            phase: "preparing" | "consent" | "conversation" | "finished" | "closed";
            question_count: number | null;
            /** @enum {string} */
            status: "scheduled" | "in_progress" | "completed" | "failed" | "cancelled";
            time_left_seconds: number | null;
            turns: components["schemas"]["def-15"][];
            /** @description In the last stretch of the time. */
            wrap_up: boolean;
            your_turn: boolean;
        };
        /** TranscriptTurn */
        "def-15": {
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            at: string;
            /** @description Turn number, from 1. */
            seq: number;
            /** @enum {string} */
            speaker: "interviewer" | "participant";
            text: string;
        };
        /** Transcript */
        "def-16": {
            /**
             * Format: uuid
             * @description UUID (version 7, time-ordered).
             */
            session_id: string;
            /** @enum {string} */
            status: "scheduled" | "in_progress" | "completed" | "failed" | "cancelled";
            turns: components["schemas"]["def-15"][];
        };
        /** InterviewDetail */
        "def-17": {
            /** @description Raw counts, never judged automatically. */
            authenticity_signals: {
                pastes: number;
                tab_switches: number;
            };
            consented_at: string | null;
            last_activity_at: string | null;
            plan: {
                dimensions: {
                    description: string;
                    name: string;
                    threshold: number | null;
                    weight: number;
                }[];
                interviewer: {
                    id: string | null;
                    name: string;
                };
                model: string | null;
                prompt_version: string;
                questions: {
                    dimensions: string[];
                    id: string;
                    skill: string | null;
                    text: string;
                }[];
                /** @enum {string} */
                source: "model" | "rules";
                version: number;
            } | null;
            scoring: {
                error: string | null;
                overrides: {
                    /**
                     * Format: date-time
                     * @description ISO-8601 UTC timestamp.
                     */
                    at: string;
                    replaced: unknown;
                    replaced_by: {
                        /**
                         * Format: date-time
                         * @description ISO-8601 UTC timestamp.
                         */
                        at?: string;
                        key_id?: string;
                        model?: string;
                        name?: string;
                        plan_version?: string;
                        prompt_version?: string;
                        /** @enum {string} */
                        type: "interviewer" | "user" | "api_key";
                        user_id?: string;
                    } & {
                        [key: string]: unknown;
                    };
                }[];
                scored_by: ({
                    /**
                     * Format: date-time
                     * @description ISO-8601 UTC timestamp.
                     */
                    at?: string;
                    key_id?: string;
                    model?: string;
                    name?: string;
                    plan_version?: string;
                    prompt_version?: string;
                    /** @enum {string} */
                    type: "interviewer" | "user" | "api_key";
                    user_id?: string;
                } & {
                    [key: string]: unknown;
                }) | null;
                /** @enum {string} */
                status: "none" | "pending" | "awaiting_review" | "scored" | "failed";
            };
            /**
             * Format: uuid
             * @description UUID (version 7, time-ordered).
             */
            session_id: string;
        };
        /** WebhookEndpoint */
        "def-18": {
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            created_at: string;
            description: string | null;
            disabled_reason: string | null;
            enabled: boolean;
            /** @description `["*"]`: every event type. */
            events: string[];
            /**
             * Format: uuid
             * @description UUID (version 7, time-ordered).
             */
            id: string;
            previous_secret_expires_at: string | null;
            /** @enum {string} */
            status: "enabled" | "disabled";
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            updated_at: string;
            url: string;
        };
        /** WebhookDelivery */
        "def-19": {
            attempts: number;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            created_at: string;
            delivered_at: string | null;
            /**
             * Format: uuid
             * @description UUID (version 7, time-ordered).
             */
            endpoint_id: string;
            event: string;
            /** @description The event id: the `webhook-id` header of every attempt. */
            event_id: string;
            /**
             * Format: uuid
             * @description UUID (version 7, time-ordered).
             */
            id: string;
            last_error: string | null;
            last_status_code: number | null;
            next_attempt_at: string | null;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            updated_at: string;
        };
        /** WebhookAttempt */
        "def-20": {
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp.
             */
            attempted_at: string;
            error: string | null;
            /**
             * Format: uuid
             * @description UUID (version 7, time-ordered).
             */
            id: string;
            latency_ms: number;
            response_body: string | null;
            status_code: number | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
