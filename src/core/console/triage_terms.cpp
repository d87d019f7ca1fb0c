// The built-in triage vocabulary: 7 tags plus the urgent and problem terms,
// in en, zh (Simplified and Traditional spellings: the search folding does
// not map one to the other yet, issue 14), ja, es, fr, de.
//
// Row format: terms separated by "|"; "term~phrase~phrase" gives a term its
// exception phrases. Latin terms are written folded (no accents: the folding
// removes them from the review text too, so "qualité" matches "qualite").
// Latin terms carry their locale (a German "Gift" is poison, an English gift
// is not); CJK terms are scoped to "zh" or "ja" the same way.

#include "triage_defaults.hpp"

namespace vouch::triage::detail {

// clang-format off
const DefaultRow kDefaultRows[] = {
  // ---- quality: material, workmanship, durability (good or bad) ------------
  {"quality", "en", "quality~redeeming quality|qualit*|fabric*~a lot of fabric~lots of fabric~much fabric~extra fabric~more fabric~amount of fabric|material*~a lot of material~lots of material~much material~extra material~more material~amount of material|stitch*|seam*|sturdy|flimsy|cheap*|cheaply made|well made|beautifully made|poorly made|made well|constructed|construction|durable|durability|defect*|flaw*~my flaws|snag*|pill|pilled|pills|pilling|fray*|unravel*|faded|fading|fades|shrink*|shrank|shrunk|fell apart|falling apart|came apart|thin|see through|workmanship|craftsmanship|zipper*|holes~arm holes|hole~hole in one~arm hole|torn|ripped|tear~tear up|lining|lined~lined up|itch*|scratchy|stiff|wrinkl*|smell*|odor|thread*|fiber*|fibre*|sewn|wear well|wears well|washes well|launders well|stretched out|fragile|delicate|cotton|linen|wool|silk|polyester|rayon|viscose|denim|knit|velvet|cashmere|suede|chiffon|synthetic|leather"},
  {"quality", "zh", "质量|質量|品质|品質|做工|面料|材质|材質|布料|用料|手感|起球|掉色|褪色|开线|開線|线头|線頭|破洞|瑕疵|次品|劣质|劣質|粗糙|结实|結實|耐用|缩水|縮水|变形|變形|质感|質感|坏了|壞了|坏的|壞的|裂开|裂開|脱线|脫線|开胶|開膠|划痕|劃痕"},
  {"quality", "ja", "品質|生地|素材|縫製|作り|仕上がり|ほつれ|毛玉|色落ち|破れ|不良|丈夫|安っぽ|耐久|質感"},
  {"quality", "es", "calidad|tela|material*|costura*|acabado*|bien hecho|mal hecho|resistente|duradero|descos*|bolitas|destine|encog*|se rompio"},
  {"quality", "fr", "qualite|tissu*|matiere*|couture*|finition*|solide|fragile|bien fait|mal fait|bouloch*|dechir*|decousu*|deteint|retreci*|resistant*"},
  {"quality", "de", "qualitat*|verarbeitung*|verarbeitet|material*|stoff*|naht|nahte|robust|stabil|hochwertig*|minderwertig*|billig*|fusselt|knotchen|ausgeleiert|eingelaufen|verfarb*|ausgewaschen"},
  // ---- logistics: shipping, delivery, arrival ------------------------------
  {"logistics", "en", "shipping|ship|shipped|shipment*|deliver*|arrival|arrived late|arrived early|arrived quickly|arrived fast|arrived on time|arrived damaged|arrived broken|never arrived|hasn't arrived|has not arrived|didn't arrive|finally arrived|to arrive|courier|carrier|fedex|usps|dhl|tracking|lost in the mail|late~late summer~late spring~late fall~late autumn~late winter~late night~late afternoon~late evening|delay*|backorder*|back order*|back ordered|took weeks|took forever|postage|transit|dispatch*"},
  {"logistics", "zh", "物流|快递|快遞|发货|發貨|送货|送貨|配送|到货|到貨|运输|運輸|邮寄|郵寄|派送|顺丰|順豐|包邮|包郵|运费|運費|延误|延誤|晚到|送达|送達|签收|簽收|寄送|出货|出貨|宅配|包裹|收货|收貨|寄来|寄來|寄过来|寄過來|寄到|寄回|发错|發錯|寄错|寄錯|少发|少發|漏发|漏發|就收到|就到了|天到"},
  {"logistics", "ja", "配送|発送|到着|届い|届く|お届け|宅配|送料|遅延|追跡|配達|出荷"},
  {"logistics", "es", "envio*|entrega*|llego|llegaron|llegada|paquete*|retras*|mensajer*|transportista|correos|seguimiento|a tiempo"},
  {"logistics", "fr", "livraison*|livre|livree|expedition*|expedie*|colis|transporteur|la poste|retard*|arrive|arrivee|suivi|delai*"},
  {"logistics", "de", "lieferung*|lieferzeit*|versand*|versendet|geliefert|zustellung*|paket*|dhl|hermes|dpd|spedition|angekommen|ankunft|verspat*|zu spat"},
  // ---- service: returns, exchanges, refunds, support -------------------------
  {"service", "en", "customer service|service~serviceable|return*|refund*|exchang*|send back|sent back|sending back|send it back|sent it back|sending it back|ship it back|customer support|support team|staff|sales associate|associate|store clerk|salesperson|sales lady|stylist*|seller|warranty|going back~going back and forth~going back for more~going back to|went back~went back and forth~went back to|back it went|take it back|took it back|bring it back|brought it back"},
  {"service", "zh", "客服|售后|售後|退货|退貨|退款|换货|換貨|退换|退換|服务~服务器|服務|态度~快递员态度~配送员态度|態度|回复|回覆|补发|補發|赔偿|賠償|保修|卖家|賣家"},
  {"service", "ja", "返品|返金|交換|対応|カスタマー|サポート|問い合わせ|問合せ|接客|アフターサービス|保証|ショップの方|店員"},
  {"service", "es", "atencion al cliente|servicio al cliente|atencion|servicio|devolu*|devolver|reembols*|garantia|soporte|vendedor"},
  {"service", "fr", "sav|service client|service apres vente|retour*|rembours*|echang*|vendeur|assistance|garantie"},
  {"service", "de", "kundenservice|kundendienst|service|support|ruckgabe|rucksend*|retour*|umtausch*|erstatt*|reklamation*|garantie|gewahrleistung|verkaufer|handler"},
  // ---- fit: size, cut, length ---------------------------------------------
  {"fit", "en", "fit|fits|fitted|fitting|fitting~fitting room|size*|sizing|small~small business~small print|smaller|large|larger|big~big fan~big deal~big on|bigger|tight*|loose*|snug*|baggy|roomy|petite*|tall|length|long~long time~as long as~so long as~how long~long lasting~long sleeve~long sleeves~long sleeved|longer|short~in short~short sleeve~short sleeves~short sleeved|shorter|waist*|hips|bust*|chest|shoulders|true to size|tts|xs|xxs|xl|xxl|a medium|the medium|size medium|lbs|runs large|runs small|oversized|boxy|inseam|torso"},
  {"fit", "zh", "尺码|尺碼|码数|碼數|尺寸|大小|偏大|偏小|太大|太小|合身|宽松|寬鬆|紧~紧急~要紧~赶紧|緊~緊急~要緊~趕緊|修身|肥大|长度|長度|袖长|袖長|腰围|腰圍|身高|体重|體重|斤|码~号码~密码~二维码~条码~条形码~起码~价码|碼~號碼~密碼~條碼~起碼"},
  {"fit", "ja", "サイズ|大きめ|小さめ|きつ|キツ|ゆるい|ゆったり|丈~丈夫|ウエスト|ぴったり|フィット|身長|体重"},
  {"fit", "es", "talla*|tallaje|me queda|queda grande|queda pequeno|queda chico|ajust*|holgad*|apretad*|estrech*|ancho|largo|corto|cintura|medidas"},
  {"fit", "fr", "taille*|trop petit|trop grand|trop serre|serre|ample|longueur|coupe|pointure|me va"},
  {"fit", "de", "grosse|grossen|passform|passt|fallt klein|fallt gross|eng|weit|zu klein|zu gross|zu eng|zu weit|zu lang|zu kurz|armlange|beinlange|taille"},
  // ---- value: price, worth ---------------------------------------------------
  {"value", "en", "price*|pricey|expensive|inexpensive|worth*|value|overpriced|bargain|deal~big deal~deal with|on sale|sale price|money|cost*|dollars|discount*|full price|afford*|splurge"},
  {"value", "zh", "价格|價格|价钱|價錢|性价比|性價比|便宜|贵~宝贵~珍贵~贵州~富贵|貴~寶貴~珍貴|划算|劃算|物有所值|物超所值|不值|优惠|優惠|折扣|打折|降价|降價|实惠|實惠|钱~钱包|錢~錢包|块钱|塊錢"},
  {"value", "ja", "価格|値段|安い|高い~背が高い|コスパ|コストパフォーマンス|お得|割引|セール|値引き|高価|格安"},
  {"value", "es", "precio*|barato|barata|caro|costo|coste|oferta|descuento|vale la pena|economic*"},
  {"value", "fr", "prix|cher|chere|bon marche|promo*|reduction|solde*|economique"},
  {"value", "de", "preis*|teuer|gunstig|angebot|rabatt|lohnt sich|geld wert"},
  // ---- packaging ---------------------------------------------------------------
  {"packaging", "en", "packag*~out of the package~out of the packaging~from the package~from the packaging|packed|packing|box~out of the box|boxes|boxed|wrapp*|envelope|poly bag|plastic bag|tissue paper"},
  {"packaging", "zh", "包装|包裝|盒子|纸箱|紙箱|箱子|快递袋|袋子|泡沫|气泡膜|氣泡膜|封口|礼盒|禮盒"},
  {"packaging", "ja", "梱包|包装|箱|ラッピング|緩衝材"},
  {"packaging", "es", "embalaje|empaque*|empaquet*|caja|envoltorio"},
  {"packaging", "fr", "emballage*|emballe*|carton|boite|papier bulle|sachet"},
  {"packaging", "de", "verpackung*|verpackt|karton|schachtel|umverpackung|luftpolster*"},
  // ---- suggestion: what the store or maker could do -------------------------
  {"suggestion", "en", "wish*~wish list~wishlist~wish i had~wish i would have~wish i could~wish i'd~wishful|if only|would be nice|would be great|would be better|would have been nice|would have been better|please make|please bring|please add|please offer|please fix|should make|should offer|should come|should have made|could use|could benefit|needs some|would love to see|would like to see|would love it in|would have loved it if|suggest*~suggest sizing~suggest buying~suggest ordering~suggest going~suggest getting~her suggestion~his suggestion~their suggestion|suggestion*|improve*|improvement*"},
  {"suggestion", "zh", "建议~建议买~建议拍~建议选~建议大家~建议亲|建議~建議買~建議選~建議大家|希望|如果能|要是能|最好能|改进|改進|改善|应该~应该是|應該~應該是|可以再|能不能|就好了|就更好了|就完美了"},
  {"suggestion", "ja", "希望|欲しい|ほしい|改善|提案|改良|あれば"},
  {"suggestion", "es", "sugerencia*|sugier*|ojala|deberian|seria mejor|estaria bien|me gustaria que|podrian"},
  {"suggestion", "fr", "suggestion*|suggere*|aimerais|dommage que|il faudrait|ce serait bien|devrait|devraient|ameliorer|amelioration"},
  {"suggestion", "de", "vorschlag*|ware schon|ware besser|ware toll|wunschenswert|sollte|sollten|konnte man|verbesser*"},
  // ---- urgent: safety, injury, allergy, fraud ------------------------------
  {"urgent", "en", "injur*|hurt me|hurt my|allergic|allerg*|rash|hives|skin reaction|burn~burn out|burned|burnt~burnt orange~burnt sienna|burns|fire~fire red~fire engine|caught fire|flammable|smoke|smoking~no smoking|choke*|choking|hazard*|dangerous|danger|unsafe|safety|toxic|poison*|fraud*|scam*|counterfeit|fake~fake leather~fake fur~fake suede|stolen|charged twice|double charged|cut myself|bleed*|bleeding|blood|hospital|emergency room|electric shock|sharp edge*|lead paint"},
  {"urgent", "zh", "过敏|過敏|受伤|受傷|烫伤|燙傷|烧伤|燒傷|着火|著火|起火|冒烟|冒煙|爆炸|噎|窒息|安全隐患|安全隱患|危险|危險|有毒|中毒|甲醛|刺鼻|骗子|騙子|诈骗|詐騙|欺诈|欺詐|假货|假貨|盗刷|盜刷|割伤|割傷|划伤|劃傷|流血|起疹|疹子|红肿|紅腫"},
  {"urgent", "ja", "怪我|ケガ|けが|火傷|やけど|アレルギー|かぶれ|発疹|湿疹|発火|火事|発煙|危険|有毒|詐欺|偽物|窒息|誤飲|出血"},
  {"urgent", "es", "alergia*|alergic*|herida*|lesion*|quemadura*|quemo|incendio|fuego|peligro*|toxic*|estafa*|fraude*|falsificado|producto falso|ahog*|asfixia"},
  {"urgent", "fr", "allerg*|blessure*|blesse*|brulure*|incendie|feu|dangereu*|toxique|arnaque*|escroquer*|fraude*|contrefacon|etouff*"},
  {"urgent", "de", "allergi*|verletz*|verbrenn*|verbrannt|brand|feuer|gefahr*|giftig|betrug*|betruger*|gefalscht|falschung|erstick*|stromschlag"},
  // ---- problem: makes a low rating "high" ------------------------------------
  // Delivery failures count (late, delayed, still waiting): a 1-2 star review
  // about a late parcel needs a person as much as one about a defect.
  {"problem", "en", "late|arrived late|delay*|still waiting|still not here|took weeks|took forever|stuck in transit|defect*|broke|broken|break*|damag*|wrong item|wrong size sent|wrong color sent|wrong product|not as described|not as pictured|missing|refund*|stopped working|doesn't work|does not work|fell apart|falls apart|falling apart|came apart|torn|tore|ripped|rip|hole|holes|stain*|never arrived|never received|not received|didn't arrive|lost|poor quality|bad quality|terrible quality|cheaply made|unravel*|shrunk|shrank|faded|pilling|pilled|itchy|scratchy"},
  {"problem", "zh", "迟到|遲到|延迟|延遲|延误|延誤|超时|超時|迟迟|遲遲|物流慢|发货慢|發貨慢|快递慢|快遞慢|等了好久|等了很久|一直没到|一直沒到|还没到|還沒到|坏了|壞了|坏的|壞的|开胶|開膠|划痕|劃痕|破损|破損|损坏|損壞|破了|断了|斷了|裂了|发错|發錯|寄错|寄錯|少发|少發|漏发|漏發|缺件|缺少|退款|次品|瑕疵|质量差|質量差|质量问题|質量問題|不能用|用不了|没收到|沒收到|未收到|丢件|丟件|掉色|褪色|起球|开线|開線|破洞|脱线|脫線|货不对板|貨不對板|与描述不符|與描述不符|色差|缩水|縮水|变形|變形|差评|差評"},
  {"problem", "ja", "遅延|遅れ|届くのが遅|まだ届か|不良|壊れ|破損|故障|欠品|届かない|届いていない|間違い|違う商品|返金|破れ|ほつれ|傷|汚れ|動かない|使えない|色落ち"},
  {"problem", "es", "tarde|retras*|demora*|defectuos*|defecto*|roto|rota|rotos|rotas|se rompio|danad*|equivocad*|falta*|faltaba*|reembolso|no funciona|dejo de funcionar|no llego|nunca llego|descosid*|agujero*|mancha*"},
  {"problem", "fr", "en retard|retard*|defectueu*|defaut*|casse|cassee|abime*|endommage*|mauvais article|manquant*|il manque|rembourse*|ne fonctionne pas|ne marche plus|jamais recu|pas recu|trou|trous|tache*|dechire*"},
  {"problem", "de", "verspat*|verzoger*|zu spat|defekt*|kaputt|beschadigt|falscher artikel|falsche ware|falsch geliefert|fehlt|fehlen|fehlende|erstattung|geld zuruck|funktioniert nicht|nie angekommen|nicht angekommen|loch|locher|riss|gerissen|fleck*"},
};
// clang-format on

const std::size_t kDefaultRowCount = sizeof kDefaultRows / sizeof kDefaultRows[0];

const DefaultTag kDefaultTags[] = {
    {"quality", "Product quality"},       {"logistics", "Shipping & delivery"},
    {"service", "After-sales & service"}, {"fit", "Size & fit"},
    {"value", "Price & value"},           {"packaging", "Packaging"},
    {"suggestion", "Suggestion"},
};
const std::size_t kDefaultTagCount = sizeof kDefaultTags / sizeof kDefaultTags[0];

}  // namespace vouch::triage::detail
