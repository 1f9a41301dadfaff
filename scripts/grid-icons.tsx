// npm run icons: writes public/invoice-grid-icons.svg, the Invoices grid's icons as one static
// file (src/features/invoices/components/grid-icons.tsx says why). tests/unit/grid-icons.test.tsx
// fails when the file is out of date.
import fs from "node:fs";
import path from "node:path";

import { renderToStaticMarkup } from "react-dom/server";

import { GridIconsDocument } from "../src/features/invoices/components/grid-icons";
import { GRID_ICONS_FILE } from "../src/features/invoices/grid-icon-refs";

const file = path.join(process.cwd(), "public", GRID_ICONS_FILE);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${renderToStaticMarkup(<GridIconsDocument />)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
