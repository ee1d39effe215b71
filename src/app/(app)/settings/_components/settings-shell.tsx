import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { settingsSections, type SettingsSection } from "../sections";

/** Settings: the section menu (a column on desktop, a scrolling row on phones) and one section. */
export function SettingsShell({ section }: { section: SettingsSection }) {
  const { Component } = section;
  return (
    <>
      <PageHeader title="Settings" description="Your account and preferences." />
      <div className="grid grid-cols-1 gap-6 md:grid-cols-[200px_1fr]">
        <nav aria-label="Settings sections" className="min-w-0">
          <ul className="-mx-4 flex gap-1 overflow-x-auto px-4 pb-1 md:mx-0 md:flex-col md:overflow-visible md:px-0">
            {settingsSections.map((s) => {
              const active = s.slug === section.slug;
              const Icon = s.icon;
              return (
                <li key={s.slug} className="shrink-0">
                  <Link
                    href={`/settings/${s.slug}`}
                    aria-current={active ? "page" : undefined}
                    className={`flex min-h-[44px] items-center gap-2 rounded-lg px-3 text-sm ${
                      active
                        ? "bg-primary/10 font-medium text-primary-hover"
                        : "text-muted hover:bg-surface hover:text-text"
                    }`}
                  >
                    <Icon aria-hidden size={16} />
                    {s.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <section aria-labelledby="settings-section-title" className="min-w-0">
          <h2 id="settings-section-title" className="text-xl font-semibold">
            {section.label}
          </h2>
          <p className="mb-4 mt-1 text-sm text-muted">{section.description}</p>
          <Component />
        </section>
      </div>
    </>
  );
}
