// Welcome's public API: other capabilities and the entry layer import welcome only from here.
export { registerWelcome } from './register';
export { welcomeSection, type FirstResponseConfig, type ResponseWindow, type Weekday } from './config';
