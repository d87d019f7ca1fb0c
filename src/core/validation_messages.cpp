// Localized messages for the validation codes (errors for shoppers, flags for
// moderators), in en, zh-CN, zh-TW, ja, es, fr, de. Parameters: {min}, {max},
// {actual}, {name}, {index}, {type}, {link}, {expected}, and for the server's photo
// checks {width}, {height}, {max_megapixels}, {max_side}; plural-aware where the
// language has plurals (zh and ja do not). Keys are the stable codes of
// validate.hpp; the widget's UI strings live in their own catalog.
#include "vouch/i18n.hpp"
#include "vouch/validate.hpp"

namespace vouch {

namespace {

// Order of each row: en, zh-CN, zh-TW, ja, es, fr, de.
const i18n::Message kValidationMessages[] = {
    {"required",
     {"This field is required.", "此项为必填项。", "此欄位為必填。", "この項目は必須です。",
      "Este campo es obligatorio.", "Ce champ est obligatoire.", "Dieses Feld ist erforderlich."}},
    {"wrong_type",
     {"This value has the wrong type (expected {expected}).",
      "此项的类型不正确（应为 {expected}）。", "此欄位的類型不正確（應為 {expected}）。",
      "値の型が正しくありません（{expected} が必要です）。",
      "El valor tiene un tipo incorrecto (se esperaba {expected}).",
      "Cette valeur n’a pas le bon type ({expected} attendu).",
      "Dieser Wert hat den falschen Typ (erwartet: {expected})."}},
    {"too_short",
     {"{min, plural, one {Please write at least # character.} other {Please write at least # "
      "characters.}}",
      "请至少输入 {min} 个字。", "請至少輸入 {min} 個字。", "{min} 文字以上で入力してください。",
      "{min, plural, one {Escribe al menos # carácter.} other {Escribe al menos # caracteres.}}",
      "{min, plural, one {Écrivez au moins # caractère.} other {Écrivez au moins # caractères.}}",
      "{min, plural, one {Bitte schreiben Sie mindestens # Zeichen.} other {Bitte schreiben Sie "
      "mindestens # Zeichen.}}"}},
    {"too_long",
     {"{max, plural, one {Please keep it to # character.} other {Please keep it to # characters or "
      "fewer.}}",
      "最多只能输入 {max} 个字。", "最多只能輸入 {max} 個字。",
      "{max} 文字以内で入力してください。",
      "{max, plural, one {Escribe como máximo # carácter.} other {Escribe como máximo # "
      "caracteres.}}",
      "{max, plural, one {Écrivez au plus # caractère.} other {Écrivez au plus # caractères.}}",
      "{max, plural, one {Bitte schreiben Sie höchstens # Zeichen.} other {Bitte schreiben Sie "
      "höchstens # Zeichen.}}"}},
    {"out_of_range",
     {"Please choose a value from {min} to {max}.", "请选择 {min} 到 {max} 之间的值。",
      "請選擇 {min} 到 {max} 之間的值。", "{min}～{max} の値を選んでください。",
      "Elige un valor entre {min} y {max}.", "Choisissez une valeur entre {min} et {max}.",
      "Bitte wählen Sie einen Wert von {min} bis {max}."}},
    {"unknown_aspect",
     {"“{name}” cannot be rated here.", "无法在此评价“{name}”。", "無法在此評價「{name}」。",
      "「{name}」はここでは評価できません。", "Aquí no se puede valorar «{name}».",
      "« {name} » ne peut pas être noté ici.", "„{name}“ kann hier nicht bewertet werden."}},
    {"duplicate_aspect",
     {"“{name}” is rated twice.", "“{name}”被评价了两次。", "「{name}」被評價了兩次。",
      "「{name}」が二重に評価されています。", "«{name}» está valorado dos veces.",
      "« {name} » est noté deux fois.", "„{name}“ wurde doppelt bewertet."}},
    {"bidi_control",
     {"Contains hidden characters that change the text direction.",
      "包含会改变文字方向的隐藏字符。", "包含會改變文字方向的隱藏字元。",
      "文字の向きを変える不可視の文字が含まれています。",
      "Contiene caracteres ocultos que cambian la dirección del texto.",
      "Contient des caractères invisibles qui changent le sens du texte.",
      "Enthält unsichtbare Zeichen, die die Schreibrichtung ändern."}},
    {"impersonation",
     {"Please choose a name that does not look like “{name}”.", "请使用与“{name}”不相似的名字。",
      "請使用與「{name}」不相似的名稱。", "「{name}」と紛らわしくない名前にしてください。",
      "Elige un nombre que no se parezca a «{name}».",
      "Choisissez un nom qui ne ressemble pas à « {name} ».",
      "Bitte wählen Sie einen Namen, der nicht wie „{name}“ aussieht."}},
    {"invalid_email",
     {"Please enter a valid e-mail address, like name@example.com.",
      "请输入有效的电子邮件地址，例如 name@example.com。",
      "請輸入有效的電子郵件地址，例如 name@example.com。",
      "有効なメールアドレスを入力してください（例: name@example.com）。",
      "Introduce un correo electrónico válido, como nombre@ejemplo.com.",
      "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
      "Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de."}},
    {"invalid_language",
     {"This language tag is not valid.", "语言标记无效。", "語言標記無效。",
      "言語タグが正しくありません。", "La etiqueta de idioma no es válida.",
      "Cette étiquette de langue n’est pas valide.", "Dieses Sprachkürzel ist ungültig."}},
    {"links_not_allowed",
     {"Links are not allowed in reviews.", "评价中不能包含链接。", "評論中不能包含連結。",
      "レビューにリンクは含められません。", "No se permiten enlaces en las reseñas.",
      "Les liens ne sont pas autorisés dans les avis.",
      "Links sind in Bewertungen nicht erlaubt."}},
    {"too_many_photos",
     {"{max, plural, one {You can add at most # photo.} other {You can add at most # photos.}}",
      "最多可以添加 {max} 张照片。", "最多可以新增 {max} 張相片。",
      "写真は {max} 枚まで追加できます。",
      "{max, plural, one {Puedes añadir como máximo # foto.} other {Puedes añadir como máximo # "
      "fotos.}}",
      "{max, plural, one {Vous pouvez ajouter au plus # photo.} other {Vous pouvez ajouter au plus "
      "# photos.}}",
      "{max, plural, one {Sie können höchstens # Foto hinzufügen.} other {Sie können höchstens # "
      "Fotos hinzufügen.}}"}},
    {"photo_type",
     {"Photos must be JPEG, PNG or WebP images.", "照片必须是 JPEG、PNG 或 WebP 格式。",
      "相片必須是 JPEG、PNG 或 WebP 格式。", "写真は JPEG、PNG、WebP のいずれかにしてください。",
      "Las fotos deben ser imágenes JPEG, PNG o WebP.",
      "Les photos doivent être au format JPEG, PNG ou WebP.",
      "Fotos müssen JPEG-, PNG- oder WebP-Bilder sein."}},
    {"photo_too_large",
     {"This photo is too large.", "这张照片太大了。", "這張相片太大了。",
      "この写真はサイズが大きすぎます。", "Esta foto es demasiado grande.",
      "Cette photo est trop volumineuse.", "Dieses Foto ist zu groß."}},
    // Photo content (the server decodes each upload, src/server/image_probe.hpp).
    {"photo_unreadable",
     {"This photo could not be read: the file is damaged, incomplete or not really an image.",
      "无法读取这张照片：文件已损坏、不完整或并不是真正的图片。",
      "無法讀取這張相片：檔案已損毀、不完整或並非真正的圖片。",
      "この写真を読み込めません。ファイルが壊れているか、不完全か、画像ではありません。",
      "No se pudo leer esta foto: el archivo está dañado, incompleto o no es una imagen.",
      "Impossible de lire cette photo : le fichier est endommagé, incomplet ou n’est pas une "
      "image.",
      "Dieses Foto konnte nicht gelesen werden: Die Datei ist beschädigt, unvollständig oder kein "
      "Bild."}},
    {"photo_too_large_pixels",
     {"This photo is {width} × {height} pixels; photos may have at most {max_megapixels} "
      "megapixels and {max_side} pixels on a side.",
      "这张照片为 {width} × {height} 像素；照片最多 {max_megapixels} 百万像素，每边最多 "
      "{max_side} 像素。",
      "這張相片為 {width} × {height} 像素；相片最多 {max_megapixels} 百萬像素，每邊最多 "
      "{max_side} 像素。",
      "この写真は {width} × {height} ピクセルです。写真は最大 {max_megapixels} "
      "メガピクセル、一辺 {max_side} ピクセルまでです。",
      "Esta foto mide {width} × {height} píxeles; las fotos pueden tener como máximo "
      "{max_megapixels} megapíxeles y {max_side} píxeles por lado.",
      "Cette photo mesure {width} × {height} pixels ; les photos peuvent avoir au plus "
      "{max_megapixels} mégapixels et {max_side} pixels de côté.",
      "Dieses Foto hat {width} × {height} Pixel; Fotos dürfen höchstens {max_megapixels} "
      "Megapixel und {max_side} Pixel pro Seite haben."}},
    {"photos_not_accepted",
     {"This store does not accept photos with reviews. Please remove the photos and send your "
      "review again.",
      "本店不接受评价附带照片。请删除照片后重新提交评价。",
      "本店不接受評價附帶相片。請移除相片後重新送出評價。",
      "このストアではレビューに写真を添付できません。写真を削除してもう一度送信してください。",
      "Esta tienda no acepta fotos en las reseñas. Quita las fotos y envía tu reseña de nuevo.",
      "Cette boutique n’accepte pas de photos avec les avis. Retirez les photos et envoyez à "
      "nouveau votre avis.",
      "Dieser Shop nimmt keine Fotos zu Bewertungen an. Bitte entfernen Sie die Fotos und senden "
      "Sie Ihre Bewertung erneut."}},
    {"invalid_utf8",
     {"The text contains invalid characters.", "文本包含无效字符。", "文字包含無效字元。",
      "テキストに無効な文字が含まれています。", "El texto contiene caracteres no válidos.",
      "Le texte contient des caractères non valides.", "Der Text enthält ungültige Zeichen."}},
    {"invalid_json",
     {"The review could not be read. Please try again.", "无法读取评价，请重试。",
      "無法讀取評論，請再試一次。", "レビューを読み取れませんでした。もう一度お試しください。",
      "No se pudo leer la reseña. Inténtalo de nuevo.",
      "L’avis n’a pas pu être lu. Veuillez réessayer.",
      "Die Bewertung konnte nicht gelesen werden. Bitte versuchen Sie es erneut."}},
    {"too_large",
     {"The review is too large to send.", "评价内容过大，无法提交。", "評論內容過大，無法送出。",
      "レビューが大きすぎて送信できません。", "La reseña es demasiado grande para enviarla.",
      "L’avis est trop volumineux pour être envoyé.", "Die Bewertung ist zu groß zum Senden."}},
    {"invalid_policy",
     {"The store’s review settings are invalid ({path}: {reason}).",
      "商店的评价设置无效（{path}: {reason}）。", "商店的評論設定無效（{path}: {reason}）。",
      "ストアのレビュー設定が正しくありません（{path}: {reason}）。",
      "La configuración de reseñas de la tienda no es válida ({path}: {reason}).",
      "Les réglages d’avis de la boutique sont invalides ({path} : {reason}).",
      "Die Bewertungseinstellungen des Shops sind ungültig ({path}: {reason})."}},
    {"invalid_context",
     {"The review form sent invalid data ({path}: {reason}).",
      "评价表单发送了无效数据（{path}: {reason}）。",
      "評論表單送出了無效資料（{path}: {reason}）。",
      "レビューフォームが無効なデータを送信しました（{path}: {reason}）。",
      "El formulario envió datos no válidos ({path}: {reason}).",
      "Le formulaire a envoyé des données invalides ({path} : {reason}).",
      "Das Formular hat ungültige Daten gesendet ({path}: {reason})."}},
    // ---- flags (for moderators) ----
    {"contains_link",
     {"Contains a link.", "包含链接。", "包含連結。", "リンクを含みます。", "Contiene un enlace.",
      "Contient un lien.", "Enthält einen Link."}},
    {"contains_email",
     {"Contains an e-mail address.", "包含电子邮件地址。", "包含電子郵件地址。",
      "メールアドレスを含みます。", "Contiene una dirección de correo.",
      "Contient une adresse e-mail.", "Enthält eine E-Mail-Adresse."}},
    {"contains_phone",
     {"Contains a phone number.", "包含电话号码。", "包含電話號碼。", "電話番号を含みます。",
      "Contiene un número de teléfono.", "Contient un numéro de téléphone.",
      "Enthält eine Telefonnummer."}},
    {"repeated_characters",
     {"Repeats a character many times.", "某个字符重复多次。", "某個字元重複多次。",
      "同じ文字が何度も繰り返されています。", "Repite un carácter muchas veces.",
      "Répète un caractère de nombreuses fois.", "Wiederholt ein Zeichen sehr oft."}},
    {"repeated_words",
     {"Repeats a word many times.", "某个词重复多次。", "某個詞重複多次。",
      "同じ単語が何度も繰り返されています。", "Repite una palabra muchas veces.",
      "Répète un mot de nombreuses fois.", "Wiederholt ein Wort sehr oft."}},
    {"shouting",
     {"Written mostly in capital letters.", "大部分是大写字母。", "大部分是大寫字母。",
      "ほとんどが大文字で書かれています。", "Escrito casi todo en mayúsculas.",
      "Écrit presque entièrement en majuscules.", "Überwiegend in Großbuchstaben geschrieben."}},
    {"profanity",
     {"Contains words from a profanity list.", "包含不雅词语。", "包含不雅詞語。",
      "不適切な語句を含みます。", "Contiene palabras de una lista de groserías.",
      "Contient des mots d’une liste de grossièretés.",
      "Enthält Wörter aus einer Liste anstößiger Begriffe."}},
    {"honeypot",
     {"A hidden field was filled in (likely a bot).", "隐藏字段被填写（可能是机器人）。",
      "隱藏欄位被填寫（可能是機器人）。", "非表示の項目が入力されています（ボットの可能性）。",
      "Se rellenó un campo oculto (probablemente un bot).",
      "Un champ caché a été rempli (probablement un robot).",
      "Ein verstecktes Feld wurde ausgefüllt (vermutlich ein Bot)."}},
    {"too_fast",
     {"Submitted faster than a person can write a review.", "提交速度快于正常撰写评价所需时间。",
      "送出速度快於正常撰寫評論所需時間。", "人がレビューを書くには速すぎる送信です。",
      "Enviada más rápido de lo que una persona escribe una reseña.",
      "Envoyé plus vite qu’une personne ne peut écrire un avis.",
      "Schneller gesendet, als ein Mensch eine Bewertung schreiben kann."}},
    {"near_duplicate",
     {"Nearly the same as an existing review of this product.", "与该商品已有的评价几乎相同。",
      "與此商品既有的評論幾乎相同。", "この商品の既存のレビューとほぼ同じです。",
      "Casi igual a una reseña existente de este producto.",
      "Presque identique à un avis existant sur ce produit.",
      "Fast gleich wie eine vorhandene Bewertung dieses Produkts."}},
};

}  // namespace

std::string validation_message(std::string_view code, const i18n::Params& params,
                               i18n::Locale locale) {
  const std::string_view pattern =
      i18n::lookup(kValidationMessages,
                   sizeof(kValidationMessages) / sizeof(kValidationMessages[0]), code, locale);
  return i18n::format(pattern, params, locale);
}

}  // namespace vouch
