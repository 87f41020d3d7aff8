import { Type } from 'typebox';
import { ROLES } from '../../lib/access.js';
import { StringEnum, Uuid } from '../../http/schemas.js';

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const MeSchema = Type.Object(
  {
    user: Type.Object({ id: Uuid, email: Type.String(), name: Type.String() }),
    accounts: Type.Array(
      Type.Object({ id: Uuid, slug: Type.String(), name: Type.String(), role: StringEnum(ROLES) }),
    ),
    csrf_token: Type.String({ description: 'Send as the x-csrf-token header on state-changing requests.' }),
  },
  { $id: 'Me' },
);

export const PASSWORD_MIN_LENGTH = 8;

export const PasswordChangeBody = Type.Object(
  {
    current_password: Type.String({ minLength: 1, maxLength: 200 }),
    new_password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200, description: 'At least 8 characters.' }),
  },
  { additionalProperties: false },
);
