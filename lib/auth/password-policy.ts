// 等保 8.1.4.1a: at least 12 characters from at least 3 classes, no common or context words.
const COMMON = [
  "password", "passw0rd", "qwerty", "123456", "abc123", "admin", "welcome", "iloveyou", "letmein",
  "woaini", "aa123456", "qwertyuiop", "1q2w3e4r", "p@ssw0rd", "zaq12wsx",
];
const CONTEXT = ["fanzha", "shiyan", "96110", "police", "gongan", "jingcha"];

export type PasswordProblem = "too_short" | "too_long" | "too_few_classes" | "common_word" | "context_word";

export function passwordProblems(password: string, context: string[] = []): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < 12) problems.push("too_short");
  if (password.length > 128) problems.push("too_long");
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) problems.push("too_few_classes");
  const lower = password.toLowerCase();
  if (COMMON.some((w) => lower.includes(w))) problems.push("common_word");
  const words = [...CONTEXT, ...context.map((c) => c.toLowerCase()).filter((c) => c.length >= 3)];
  if (words.some((w) => lower.includes(w))) problems.push("context_word");
  return problems;
}
