/** `npm run train:checkworthy`: train the check-worthiness model and write resources/models/checkworthy.json. */
import { trainAndWrite } from './checkworthy-training';

trainAndWrite();
