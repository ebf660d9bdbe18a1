/** The confirmation every form ends with: what is written in a public issue must hold no personal data. */
export const NO_PERSONAL_DATA = {
  label: "This form holds no personal data: no private person's name, e-mail, phone number or photo, and nothing that identifies a child.",
  required: true,
};
