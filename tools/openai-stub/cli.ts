import { createStubServer } from "./server";

// npm run ai-stub → an OpenAI-compatible stub on AI_STUB_PORT (default 4010).
const port = Number(process.env.AI_STUB_PORT ?? 4010);
createStubServer().listen(port, "127.0.0.1", () => {
  process.stdout.write(
    `OpenAI-compatible stub on http://127.0.0.1:${port}/v1\n` +
      `  AI_PROVIDER=openai-compatible AI_BASE_URL=http://127.0.0.1:${port}/v1 AI_API_KEY=stub\n`,
  );
});
