import { Type } from 'typebox';
import { AccountSlugQuery, Name, Timestamp, Uuid } from '../../http/schemas.js';

export const AccountSchema = Type.Object(
  {
    id: Uuid,
    slug: Type.String({ description: 'Fixed: it is part of every dashboard URL and of API calls made with `accountSlug`.' }),
    name: Type.String(),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'Account' },
);

export const AccountPatchBody = Type.Object(
  { name: Name(200, { description: 'The team name shown in the dashboard, 1–200 characters.' }) },
  { additionalProperties: false },
);

export const AccountQuery = Type.Object(AccountSlugQuery, { additionalProperties: false });
