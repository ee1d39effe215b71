// Public unsubscribe page (no sign-in, no app chrome): one button that POSTs the signed
// token. A GET never changes anything, so link scanners in mail clients cannot unsubscribe.
export const dynamic = "force-dynamic";

export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ t?: string; done?: string }>;
}) {
  const { t, done } = await searchParams;
  const token = typeof t === "string" && t.length <= 300 ? t : null;
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 p-6 text-center">
      {done === "1" ? (
        <>
          <h1 className="text-2xl font-semibold">You are unsubscribed</h1>
          <p className="text-muted">You will not receive these emails any more.</p>
        </>
      ) : done === "0" || !token ? (
        <>
          <h1 className="text-2xl font-semibold">This link is not valid</h1>
          <p className="text-muted">Reply to the email you received and ask to be removed instead.</p>
        </>
      ) : (
        <form method="post" action={`/api/v1/public/unsubscribe?t=${encodeURIComponent(token)}`}>
          <h1 className="mb-4 text-2xl font-semibold">Stop these emails?</h1>
          <button
            type="submit"
            className="min-h-12 w-full rounded-lg bg-primary px-4 py-3 text-base font-medium text-white hover:bg-primary-hover"
          >
            Unsubscribe
          </button>
        </form>
      )}
    </main>
  );
}
