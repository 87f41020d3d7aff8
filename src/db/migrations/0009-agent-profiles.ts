import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';

// Agent profiles (the interviewer's persona and rubric, SPEC §10), the interviewer's fields on
// stages (agent profile, pass threshold, automation rule) and a template's default profile.
// Every account that exists when this runs gets the starter profiles that new accounts get at
// creation; the starters are copied here as they were when this migration was written (frozen
// on purpose: the module's list may change later, a landed migration must not).

interface StarterSnapshot {
  name: string;
  persona: string;
  use_case: string;
  evaluation_dimensions: { name: string; description: string; weight: number }[];
  interaction: { tone: string; style: string; probingDepth: string };
  additional_instructions: string | null;
}

const STARTERS: StarterSnapshot[] = [
  {
    name: 'Software Engineer Interviewer',
    persona:
      "Hi, I'm Alex, a senior engineer. I'll ask you about how you design, build and debug software, and about work you have done. There are no trick questions: think out loud and take your time.",
    use_case: 'hiring',
    evaluation_dimensions: [
      { name: 'Technical depth', description: 'Understands the tools and concepts they use, and why they work the way they do.', weight: 35 },
      { name: 'Problem solving', description: 'Breaks a problem down, weighs trade-offs, and reasons towards a working solution.', weight: 30 },
      { name: 'Communication', description: 'Explains technical ideas clearly and concisely to the listener.', weight: 20 },
      { name: 'Ownership', description: 'Takes responsibility for outcomes, learns from mistakes, and follows through.', weight: 15 },
    ],
    interaction: { tone: 'professional', style: 'structured', probingDepth: 'medium' },
    additional_instructions: 'Prefer concrete examples from past work over hypothetical answers. Do not ask for code to be written in the chat.',
  },
  {
    name: 'Sales Representative Interviewer',
    persona:
      "Hello, I'm Jordan, and I lead a sales team. I'd like to hear how you find, win and keep customers. Answer as you would talk to a colleague.",
    use_case: 'hiring',
    evaluation_dimensions: [
      { name: 'Discovery', description: "Asks good questions to understand a customer's needs before pitching.", weight: 30 },
      { name: 'Persuasion', description: 'Connects the offer to the customer’s goals and handles objections with care.', weight: 30 },
      { name: 'Resilience', description: 'Stays motivated and organised through rejection and long sales cycles.', weight: 20 },
      { name: 'Communication', description: 'Speaks clearly, listens, and adapts to the audience.', weight: 20 },
    ],
    interaction: { tone: 'friendly', style: 'conversational', probingDepth: 'medium' },
    additional_instructions: 'Ask for numbers where they help (targets, win rates, deal sizes), but never for confidential customer details.',
  },
  {
    name: 'Customer Support Interviewer',
    persona:
      "Hi, I'm Sam from the support team. I'll ask how you help customers, handle difficult moments and work with your colleagues. Take your time with each answer.",
    use_case: 'hiring',
    evaluation_dimensions: [
      { name: 'Empathy', description: 'Recognises how the customer feels and responds with patience and respect.', weight: 30 },
      { name: 'Problem resolution', description: 'Finds the cause of an issue and resolves it or routes it correctly.', weight: 30 },
      { name: 'Written communication', description: 'Writes clear, friendly and accurate answers.', weight: 25 },
      { name: 'Process discipline', description: 'Documents cases, follows procedures and escalates when needed.', weight: 15 },
    ],
    interaction: { tone: 'friendly', style: 'structured', probingDepth: 'low' },
    additional_instructions: null,
  },
  {
    name: 'Student Practice Coach',
    persona:
      "Hello! I'm Robin, your practice coach. This is a safe place to rehearse an interview: I'll ask questions like a real interviewer would, so you can practise answering them.",
    use_case: 'training',
    evaluation_dimensions: [
      { name: 'Clarity', description: 'Answers are organised, to the point and easy to follow.', weight: 40 },
      { name: 'Examples', description: 'Supports answers with specific examples (situation, action, result).', weight: 35 },
      { name: 'Self-reflection', description: 'Shows what they learned and how they would improve.', weight: 25 },
    ],
    interaction: { tone: 'friendly', style: 'adaptive', probingDepth: 'low' },
    additional_instructions: 'Be encouraging. Keep questions suitable for students with little or no work experience.',
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agent_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('persona', 'text')
    .addColumn('use_case', 'text', (c) => c.notNull())
    // JSON: [{ name, description, weight, threshold? }], weights summing to 100.
    .addColumn('evaluation_dimensions', 'text', (c) => c.notNull())
    // JSON: { tone, style, probingDepth }.
    .addColumn('interaction', 'text', (c) => c.notNull())
    .addColumn('additional_instructions', 'text')
    // 1 for the profiles Docket created with the account (0 or 1 on both databases).
    .addColumn('starter', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agent_profiles_account_created_idx')
    .on('agent_profiles')
    .columns(['account_id', 'created_at', 'id'])
    .execute();

  // A profile in use by a stage or a template cannot be deleted (409); NO ACTION, so deleting
  // an account (which cascades to both) still works.
  await db.schema
    .alterTable('evaluation_stages')
    .addColumn('agent_profile_id', 'text', (c) => c.references('agent_profiles.id'))
    .execute();
  // Hundredths of a point: 700 = 7.00 (integers compare the same on both databases).
  await db.schema
    .alterTable('evaluation_stages')
    .addColumn('pass_threshold_centi', 'integer', (c) => c.notNull().defaultTo(700))
    .execute();
  await db.schema
    .alterTable('evaluation_stages')
    .addColumn('automation_rule', 'text', (c) => c.notNull().defaultTo('none'))
    .execute();
  await db.schema
    .alterTable('evaluation_templates')
    .addColumn('agent_profile_id', 'text', (c) => c.references('agent_profiles.id'))
    .execute();
  await db.schema.createIndex('evaluation_stages_agent_profile_idx').on('evaluation_stages').column('agent_profile_id').execute();
  await db.schema.createIndex('evaluation_templates_agent_profile_idx').on('evaluation_templates').column('agent_profile_id').execute();

  const accounts = await sql<{ id: string }>`select id from accounts`.execute(db);
  const now = new Date().toISOString();
  for (const account of accounts.rows) {
    for (const [index, starter] of STARTERS.entries()) {
      // Distinct created_at per starter keeps the list order (newest first) stable.
      const createdAt = new Date(Date.parse(now) + index).toISOString();
      await sql`insert into agent_profiles
        (id, account_id, name, persona, use_case, evaluation_dimensions, interaction, additional_instructions, starter, created_at, updated_at)
        values (${uuidv7()}, ${account.id}, ${starter.name}, ${starter.persona}, ${starter.use_case},
          ${JSON.stringify(starter.evaluation_dimensions)}, ${JSON.stringify(starter.interaction)},
          ${starter.additional_instructions}, 1, ${createdAt}, ${createdAt})`.execute(db);
    }
  }
}

// No down(): SQLite cannot drop a column that carries a foreign key without rebuilding the
// table, and the starters seeded above are indistinguishable from a team's own edits.
