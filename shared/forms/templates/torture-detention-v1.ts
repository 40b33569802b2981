export { TORTURE_DETENTION_V1 } from './torture-detention-v1/index';
