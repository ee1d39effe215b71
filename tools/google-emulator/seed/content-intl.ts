// Client mail in other languages. Each text is encodable in its persona's
// legacy charset (Latin-1, Windows-1252, KOI8-R, ISO-2022-JP) on purpose.

export type IntlText = {
  subjects: readonly string[];
  inquiry: readonly string[];
  followup: readonly string[];
};

export const INTL: Record<"fr" | "ru" | "ja" | "de" | "es", IntlText> = {
  fr: {
    subjects: ["Séance de massage samedi ?", "Question à propos des tarifs"],
    inquiry: [
      "Bonjour {me},\n\nEst-ce que vous auriez une disponibilité samedi matin pour une séance de massage de 60 minutes ? Mon dos me fait encore souffrir après le déménagement.\n\nMerci beaucoup, à bientôt !\nZoë",
      "Bonjour {me},\n\nJe voudrais offrir une séance à ma mère pour son anniversaire. Est-ce possible de payer par carte ?\n\nBien à vous,\nZoë",
    ],
    followup: [
      "Parfait, merci ! À samedi.\n\nZoë",
      "Désolée, je dois décaler notre rendez-vous à la semaine prochaine.\n\nZoë",
    ],
  },
  ru: {
    subjects: ["Запись на массаж в четверг", "Вопрос о стоимости"],
    inquiry: [
      "Здравствуйте, {me}!\n\nМожно ли записаться на массаж спины в четверг вечером? Удобно после 18:00.\n\nСпасибо,\nДмитрий",
      "Добрый день!\n\nСколько стоит курс из пяти сеансов?\n\nДмитрий",
    ],
    followup: [
      "Спасибо, до встречи в четверг!\n\nДмитрий",
      "Извините, придётся перенести на следующую неделю.\n\nДмитрий",
    ],
  },
  ja: {
    subjects: ["ヨガのプライベートレッスンについて", "予約の変更のお願い"],
    inquiry: [
      "{me}様\n\nいつもお世話になっております。来週のプライベートレッスンの予約をお願いしたいです。水曜日の午前中は空いていますか？\n\nよろしくお願いいたします。\n山田 花子",
    ],
    followup: [
      "ありがとうございます。水曜日にお会いしましょう。\n\n山田",
      "申し訳ありませんが、予約を金曜日に変更できますか？\n\n山田",
    ],
  },
  de: {
    subjects: ["Rückfrage zum Coaching-Paket", "Termin nächste Woche?"],
    inquiry: [
      "Hallo {me},\n\nich interessiere mich für das 6-Wochen-Coaching. Gibt es nächste Woche einen freien Termin für ein Erstgespräch?\n\nViele Grüße\nBjörn",
    ],
    followup: ["Danke, Donnerstag passt mir gut.\n\nBjörn"],
  },
  es: {
    subjects: ["Reprogramación de la sesión del jueves", "¿Tienes hueco el sábado?"],
    inquiry: [
      "Hola {me},\n\n¿Podríamos cambiar la sesión del jueves al viernes por la tarde? Me duele el hombro después del partido.\n\n¡Gracias!\nJosé",
    ],
    followup: ["¡Perfecto, nos vemos el viernes!\n\nJosé"],
  },
};
