// What other features may use of the timeline feature: calendar-day and ISO week helpers.
export { dayNumber, dayString, isoWeek, isoWeekLabel, todayNumber, weekNumberOf } from './lib/dates';
