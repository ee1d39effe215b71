import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "OmniCRM", template: "%s · OmniCRM" },
  description: "The client base for solo wellness practitioners, built from your Gmail and Calendar.",
  applicationName: "OmniCRM",
  appleWebApp: { capable: true, title: "OmniCRM", statusBarStyle: "default" },
  icons: { icon: "/icons/icon-192.png", apple: "/icons/apple-touch-icon.png" },
};

// Every page renders per request: its scripts carry the CSP nonce of that request.
export const dynamic = "force-dynamic";

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  viewportFit: "cover",
  themeColor: "#4F7A64",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
