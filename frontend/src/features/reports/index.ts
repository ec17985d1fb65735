// The weekly reports feature's public face for other features.
export { StaleBadge, ReportStateBadge } from './components/report-badges';
export { WeeklyReportCard } from './components/weekly-report-card';
