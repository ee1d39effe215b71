import { notFound } from "next/navigation";
import { SettingsShell } from "../_components/settings-shell";
import { findSection } from "../sections";

export async function generateMetadata({ params }: { params: Promise<{ section: string }> }) {
  const s = findSection((await params).section);
  return { title: s ? `${s.label} · Settings` : "Settings" };
}

export default async function Page({ params }: { params: Promise<{ section: string }> }) {
  const section = findSection((await params).section);
  if (!section) notFound();
  return <SettingsShell section={section} />;
}
