// Welcome's public API: other capabilities and the entry layer import welcome only from here.
export { registerWelcome } from './register';
export { welcomeSection } from './config';
