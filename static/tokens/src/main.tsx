import { mount } from '../../common/mount';
import { TokensApp } from './TokensApp';

mount(<TokensApp />);
