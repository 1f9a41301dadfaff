"use client";
// Fluent icons style themselves on the client, so server components take
// them through this client boundary.
export {
  Alert24Regular,
  ArrowDownload16Regular,
  CheckmarkCircle16Filled,
  CheckmarkCircle20Filled,
  ChevronRight12Regular,
  Clock16Regular,
  Dismiss20Regular,
  DismissCircle16Filled,
  ErrorCircle16Filled,
  ErrorCircle20Filled,
  Info20Filled,
  MoreHorizontal20Regular,
  PersonCircle24Regular,
  Receipt24Regular,
  Search20Regular,
  Warning16Filled,
  Warning20Filled,
  CircleHalfFill16Regular,
  Payment20Regular,
  Print20Regular,
} from "@fluentui/react-icons";
