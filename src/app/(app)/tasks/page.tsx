import { TasksView } from "./_components/tasks-view";

export const metadata = { title: "Tasks" };

export default function Page() {
  return <TasksView />;
}
