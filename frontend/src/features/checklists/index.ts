export { PlacementChecklist } from './components/placement-checklist';
