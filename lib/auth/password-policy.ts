// 等保 8.1.4.1a: at least 12 characters from at least 3 classes, no common or context words, not
// one short sequence repeated, not one of the passwords every guessing list starts with.

/** Weak words and keyboard walks, refused anywhere inside a password. */
const COMMON = [
  "password", "passw0rd", "qwerty", "123456", "abc123", "admin", "welcome", "iloveyou", "letmein",
  "woaini", "aa123456", "qwertyuiop", "1q2w3e4r", "p@ssw0rd", "zaq12wsx", "1qaz2wsx", "qazwsx",
  "asdfgh", "zxcvbn", "5201314", "123qwe", "qwe123", "abcd1234", "111111", "888888", "666666",
];

/**
 * The commonest passwords that satisfy the length and class rules (from the published leak lists),
 * compared whole after lower-casing and dropping symbols: "Aa123456789!" and "aa123456789" are one.
 */
const COMMON_PASSWORDS = new Set([
  "aa123456789", "aa1234567890", "abc123456789", "abcd12345678", "a123456789012", "1qaz2wsx3edc", "1qaz2wsx3edc4rfv",
  "qwer1234qwer", "asdf1234asdf", "zxcv1234zxcv", "qwer1234asdf", "zaq1xsw2cde3", "q1w2e3r4t5y6",
  "woaini1314520", "wang123456789", "li123456789", "zhang123456789", "china123456", "huawei123456",
  "abcdefg12345", "abcdef123456", "a1b2c3d4e5f6", "iloveyou1314", "changeme1234", "test12345678",
]);
const CONTEXT = ["fanzha", "shiyan", "96110", "police", "gongan", "jingcha"];

/** The whole password is one sequence of at most 6 characters written again and again ("Qq1!Qq1!Qq1!"). */
const REPEATED = /^([\s\S]{1,6}?)\1+$/u;

export type PasswordProblem = "too_short" | "too_long" | "too_few_classes" | "common_word" | "context_word" | "repeated_pattern";

export function passwordProblems(password: string, context: string[] = []): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < 12) problems.push("too_short");
  if (password.length > 128) problems.push("too_long");
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) problems.push("too_few_classes");
  const lower = password.toLowerCase();
  // Symbols sprinkled in ("1qaz@WSX3edc") do not hide a weak word.
  const bare = lower.replace(/[^a-z0-9]/g, "");
  if (COMMON.some((w) => lower.includes(w) || bare.includes(w)) || COMMON_PASSWORDS.has(bare)) problems.push("common_word");
  const words = [...CONTEXT, ...context.map((c) => c.toLowerCase()).filter((c) => c.length >= 3)];
  if (words.some((w) => lower.includes(w))) problems.push("context_word");
  if (REPEATED.test(password)) problems.push("repeated_pattern");
  return problems;
}
