/** Secrets never leave: the bot token and token-shaped strings are redacted from replies, quotes and logs. */
import { describe, expect, it } from "vitest";
import { renderAnswer } from "../../src/discord/render-answer.js";
import { REDACTED, SECRET_SHAPES, redactReply, redactSecrets } from "../../src/discord/secrets.js";
import { answer, excerpt } from "./answers.js";

/** A bot token with underscores and dashes, which markdown escaping would split if redaction came after it. */
const TOKEN = ["MTk4_NjIy-ODQ1_Mzg0NzQ5-NTk2", "G1_x2z", "Ab_cd-Ef_gh-Ij_kl-Mn_op-Qr_st"].join(".");

/** One example of each shape, in the words a document might hold it. */
const EXAMPLES: Record<string, string> = {
  "Discord bot token": `DISCORD_TOKEN=${TOKEN}`,
  "Discord webhook URL": "post to https://discord.com/api/webhooks/123456789012345678/aB_cD-eF_gH-iJ_kL-mN_oP-qR_sT-uV_wX-yZ_01-23_45-67_89-ab_cd-ef_gh-ij",
  "GitHub token": "GITHUB_TOKEN=ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8",
  "Slack token": "slack: xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
  "AWS access key id": "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
  "private key": "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA75\n-----END RSA PRIVATE KEY-----",
};
const SECRET_PARTS = [TOKEN.split(".")[0]!, TOKEN.split(".")[2]!, "aB_cD-eF", "ghp_A1b2", "xoxb-1234", "AKIAIOSFODNN7", "MIIEpAIBAAKCAQEA75"];

describe("redactSecrets", () => {
  it.each(Object.entries(EXAMPLES))("hides a %s", (shape, text) => {
    expect(SECRET_SHAPES.map((s) => s.name)).toContain(shape);
    const out = redactSecrets(text);
    expect(out).toContain(REDACTED);
    for (const part of SECRET_PARTS) expect(out).not.toContain(part);
  });

  it("leaves ordinary prose, ids, hashes and URLs alone", () => {
    const prose =
      "Ivan Lewis (user 198622845384749056) resigned; commit 3b86667d0f1e2a4b5c6d7e8f9a0b1c2d3e4f5a6b; see https://example.org/a.b.c and v1.2.3.";
    expect(redactSecrets(prose)).toBe(prose);
  });

  it("hides the given secrets whatever their shape", () => {
    expect(redactSecrets("the password is hunter2-but-longer", ["hunter2-but-longer"])).toBe(`the password is ${REDACTED}`);
  });
});

describe("renderAnswer", () => {
  it("never shows a token a quote, the answer, a title or a source holds, even one markdown escaping would split", () => {
    const rendered = JSON.stringify(
      renderAnswer(
        answer({
          answer: TOKEN,
          excerpts: [excerpt({ text: `The bot logs in with ${TOKEN} every morning.`, title: `Keys ${TOKEN}`, heading: TOKEN, source: TOKEN, highlights: ["bot", TOKEN] })],
        }),
      ),
    );
    for (const part of SECRET_PARTS.slice(0, 2)) expect(rendered).not.toContain(part);
    expect(rendered).toContain(REDACTED);
    expect(rendered).toContain("every morning");
  });
});

describe("redactReply", () => {
  it("hides the secrets in content and in every text of every embed", () => {
    const reply = redactReply(
      {
        content: `token ${TOKEN}`,
        embeds: [{ title: "hunter2-but-longer", description: TOKEN, fields: [{ name: TOKEN, value: TOKEN }], footer: { text: TOKEN }, author: { name: TOKEN } }],
      },
      ["hunter2-but-longer"],
    );
    const text = JSON.stringify(reply);
    expect(text).not.toContain("hunter2");
    for (const part of SECRET_PARTS.slice(0, 2)) expect(text).not.toContain(part);
  });
});
