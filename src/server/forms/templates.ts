import type { TemplateKey } from "./constants";
import type { FormFieldInput } from "./schemas";

type Template = { name: string; description: string; fields: FormFieldInput[] };

const contactBlock: FormFieldInput[] = [
  { id: "about_you", type: "heading", label: "About you" },
  { id: "name", type: "short_text", label: "Full name", required: true, target: "contact.name" },
  { id: "email", type: "email", label: "Email", required: true },
  { id: "phone", type: "phone", label: "Phone" },
  { id: "birthday", type: "date", label: "Date of birth", target: "contact.birthday" },
];

const consent = (text: string): FormFieldInput => ({
  id: "consent",
  type: "consent",
  label: "Consent",
  text,
  signature: true,
  required: true,
});

/** Starter templates the builder offers; the practitioner edits the copy in their form. */
export const FORM_TEMPLATES: Record<TemplateKey, Template> = {
  general: {
    name: "General intake",
    description: "Contact details, what brings you here, and how you heard about us.",
    fields: [
      ...contactBlock,
      { id: "address", type: "long_text", label: "Address", target: "contact.address" },
      { id: "goals", type: "long_text", label: "What brings you here?", required: true },
      {
        id: "heard_from",
        type: "short_text",
        label: "How did you hear about us?",
        target: "contact.referralSource",
      },
      { id: "health", type: "health", label: "Health history" },
      consent(
        "I confirm the information above is accurate and I will tell my practitioner about any change.",
      ),
    ],
  },
  massage: {
    name: "Massage intake",
    description: "Health history, areas to avoid and pressure, so your session is safe and comfortable.",
    fields: [
      ...contactBlock,
      { id: "health", type: "health", label: "Health history", required: true },
      { id: "areas_to_avoid", type: "long_text", label: "Areas to avoid", target: "health.notes" },
      {
        id: "pressure",
        type: "single_choice",
        label: "Preferred pressure",
        options: ["Light", "Medium", "Firm", "Deep"],
        required: true,
        target: "health.notes",
      },
      {
        id: "focus",
        type: "multi_choice",
        label: "Areas to focus on",
        options: ["Neck", "Shoulders", "Upper back", "Lower back", "Legs", "Feet"],
      },
      { id: "pregnant", type: "checkbox", label: "I am pregnant", target: "health.conditions" },
      consent(
        "I understand massage is not a substitute for medical care. I have disclosed all known health conditions and will tell my therapist of any change. I may stop the session at any time.",
      ),
    ],
  },
  yoga_parq: {
    name: "Yoga health questionnaire",
    description: "A PAR-Q style readiness check before you start classes.",
    fields: [
      ...contactBlock,
      {
        id: "parq",
        type: "heading",
        label: "Physical activity readiness",
        help: "Answer yes if it applies to you.",
      },
      {
        id: "heart",
        type: "checkbox",
        label: "A doctor has said I have a heart condition",
        target: "health.conditions",
      },
      {
        id: "chest_pain",
        type: "checkbox",
        label: "I feel pain in my chest during physical activity",
        target: "health.conditions",
      },
      {
        id: "dizziness",
        type: "checkbox",
        label: "I lose balance because of dizziness or have lost consciousness",
        target: "health.conditions",
      },
      {
        id: "joint",
        type: "checkbox",
        label: "I have a bone or joint problem that activity could make worse",
        target: "health.conditions",
      },
      {
        id: "bp_meds",
        type: "checkbox",
        label: "I take medicine for blood pressure or a heart condition",
        target: "health.medications",
      },
      {
        id: "experience",
        type: "scale",
        label: "Your yoga experience",
        min: 1,
        max: 5,
        minLabel: "New",
        maxLabel: "Advanced",
      },
      { id: "health", type: "health", label: "Anything else about your health" },
      consent(
        "I have answered honestly. I will consult a doctor before starting if I answered yes to any question, and I take part at my own risk.",
      ),
    ],
  },
  coaching: {
    name: "Coaching intake",
    description: "Your goals, what is in the way, and how you like to work.",
    fields: [
      ...contactBlock,
      {
        id: "goals",
        type: "long_text",
        label: "What do you want to change in the next 3 months?",
        required: true,
      },
      { id: "obstacles", type: "long_text", label: "What has got in the way so far?" },
      { id: "motivation", type: "scale", label: "How ready are you to change?", min: 1, max: 10 },
      {
        id: "contact_pref",
        type: "single_choice",
        label: "How should we keep in touch between sessions?",
        options: ["Email", "Phone", "Text message"],
      },
      consent("I understand coaching is not therapy or medical advice, and sessions are confidential."),
    ],
  },
  waiver: {
    name: "Waiver and consent",
    description: "A liability waiver to read and sign.",
    fields: [
      { id: "name", type: "short_text", label: "Full name", required: true, target: "contact.name" },
      { id: "email", type: "email", label: "Email", required: true },
      consent(
        "I take part voluntarily and accept the risks of physical activity. I release the practitioner from liability for injury except where caused by negligence. I have disclosed any condition that could affect my safety.",
      ),
    ],
  },
};
