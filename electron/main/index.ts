/** App entry: builds the services and hands them to the shell. Never imports 'electron' itself. */
import { createApi } from './api';
import { createLogger, fileSink } from './log';
import { runApp } from './shell';

runApp({ createApi, createLogger: (logFile) => createLogger(fileSink(logFile)) });
