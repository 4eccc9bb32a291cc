import { mount } from '../../common/mount';
import { SpaceUsageApp } from './SpaceUsageApp';

mount(<SpaceUsageApp />);
