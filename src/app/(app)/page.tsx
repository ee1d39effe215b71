import { TodayView } from "./_components/today-view";

export const metadata = { title: "Today" };

/** Home: Today once there is data; until then the dashboard's welcome (TodayView falls back). */
export default function Page() {
  return <TodayView />;
}
