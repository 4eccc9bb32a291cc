import { customUiConfig } from '../common/vite-config.mts';

export default customUiConfig(new URL('.', import.meta.url));
