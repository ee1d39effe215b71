import { SettingsShell } from "./_components/settings-shell";
import { settingsSections } from "./sections";

export const metadata = { title: "Settings" };

export default function Page() {
  return <SettingsShell section={settingsSections[0]!} />;
}
