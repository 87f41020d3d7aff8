import { Type } from 'typebox';
import { ROLES } from '../../lib/access.js';
import { AccountSlugQuery, Name, StringEnum, Timestamp, Uuid } from '../../http/schemas.js';

export const RoleSchema = StringEnum(ROLES);

export const MemberSchema = Type.Object(
  {
    user_id: Uuid,
    email: Type.String(),
    name: Type.String(),
    role: RoleSchema,
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'Member' },
);

export const MemberCreateBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    name: Type.Optional(Name(200)),
    password: Type.Optional(Type.String({ minLength: 8, maxLength: 200, description: 'Initial password of a new user.' })),
    role: RoleSchema,
  },
  { additionalProperties: false },
);

export const MemberPatchBody = Type.Object({ role: RoleSchema }, { additionalProperties: false });
export const MemberParams = Type.Object({ user_id: Uuid });
export const MembersQuery = Type.Object(AccountSlugQuery, { additionalProperties: false });
