import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "OmniCRM", template: "%s · OmniCRM" },
  description: "The client base for solo wellness practitioners, built from your Gmail and Calendar.",
};

// Every page renders per request: its scripts carry the CSP nonce of that request.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
