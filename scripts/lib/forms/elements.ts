import { formatMessage } from "../i18n/messages.ts";

/** The confirmation every form ends with: what is written in a public issue must hold no personal data. */
export const NO_PERSONAL_DATA = {
  label: formatMessage("en", "form.noPersonalData"),
  required: true,
};
