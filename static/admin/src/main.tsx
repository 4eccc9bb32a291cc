import { mount } from '../../common/mount';
import { AdminApp } from './AdminApp';

mount(<AdminApp />);
