-- The default SLA ladder (DESIGN.md §2.4), in minutes. Admins may change it later.
INSERT INTO "sla_policies" ("riskLevel", "ackMinutes", "contactMinutes", "resolveMinutes", "updatedAt") VALUES
  ('CRITICAL', 5, 10, 120, CURRENT_TIMESTAMP),
  ('HIGH', 10, 30, 1440, CURRENT_TIMESTAMP),
  ('MEDIUM', 30, 120, 4320, CURRENT_TIMESTAMP),
  ('LOW', 120, 1440, 10080, CURRENT_TIMESTAMP)
ON CONFLICT ("riskLevel") DO NOTHING;
