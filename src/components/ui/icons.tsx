"use client";
// The app's Fluent icons, from the headless API: plain SVG styled by
// @fluentui/react-icons/headless/styles.css (imported by the root layout), with no
// CSS-in-JS runtime to run for every icon on the server and in the browser.
export { Alert24Regular } from "@fluentui/react-icons/headless/svg/alert";
export { ArrowDownload16Regular } from "@fluentui/react-icons/headless/svg/arrow-download";
export { ArrowSyncCircle16Regular } from "@fluentui/react-icons/headless/svg/arrow-sync-circle";
export { CheckmarkCircle16Filled, CheckmarkCircle20Filled } from "@fluentui/react-icons/headless/svg/checkmark-circle";
export { ChevronRight12Regular } from "@fluentui/react-icons/headless/svg/chevron-right";
export { CircleHalfFill16Regular } from "@fluentui/react-icons/headless/svg/circle-half-fill";
export { Clock16Regular } from "@fluentui/react-icons/headless/svg/clock";
export { DismissCircle16Filled } from "@fluentui/react-icons/headless/svg/dismiss-circle";
export { Dismiss20Regular } from "@fluentui/react-icons/headless/svg/dismiss";
export { ErrorCircle16Filled, ErrorCircle20Filled } from "@fluentui/react-icons/headless/svg/error-circle";
export { Info20Filled } from "@fluentui/react-icons/headless/svg/info";
export { MoreHorizontal20Regular } from "@fluentui/react-icons/headless/svg/more-horizontal";
export { Navigation20Regular } from "@fluentui/react-icons/headless/svg/navigation";
export { Open16Regular } from "@fluentui/react-icons/headless/svg/open";
export { Payment20Regular } from "@fluentui/react-icons/headless/svg/payment";
export { PersonCircle24Regular } from "@fluentui/react-icons/headless/svg/person-circle";
export { Print20Regular } from "@fluentui/react-icons/headless/svg/print";
export { QuestionCircle24Regular } from "@fluentui/react-icons/headless/svg/question-circle";
export { Receipt24Regular } from "@fluentui/react-icons/headless/svg/receipt";
export { Search20Regular } from "@fluentui/react-icons/headless/svg/search";
export { Warning16Filled, Warning20Filled } from "@fluentui/react-icons/headless/svg/warning";
