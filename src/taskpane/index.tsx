// Task pane entry. PLACEHOLDER until the task pane lands (owned by the task pane engineer).
import { createRoot } from "react-dom/client";

const root = document.getElementById("root");
if (root) createRoot(root).render(<p>Magnesium Tracker</p>);
