export { ObjectivesCard } from './components/objectives-card';
