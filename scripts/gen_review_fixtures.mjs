// Writes the labelled Chinese and Japanese review sets the profanity test
// measures (tests/fixtures/text/*.txt). There is no licensed Chinese or
// Japanese review corpus in the project, so the reviews are COMPOSED: every
// clause below was written by hand for this purpose (shopping-review language
// on fit, quality, colour, shipping, service, gifts), and a review is 2-4 of
// them, picked with a fixed seed. The labels are by construction: the clean
// clauses contain no abuse (some deliberately contain words that hold a list
// entry inside an ordinary word: 做了妈妈的我们, 处女座, 偏色情况, 感情色彩, 性价比);
// the abusive reviews each contain one hand-written abusive sentence.
// The zh-TW set is the zh set converted with OpenCC s2twp (Debian `opencc`).
// Run: `node scripts/gen_review_fixtures.mjs` (deterministic).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'tests', 'fixtures', 'text');

// Mulberry32: a small seeded generator, so the files are reproducible.
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const zhClauses = [
  // fit and size
  '尺码很标准', '衣服偏大一码，建议拍小一号', '裤子长度刚好', '腰围有点紧', '版型很好，显瘦', '能遮住屁股，很满意',
  '胸围合适，穿着舒服', '袖子稍微有点长', '一米六五穿M码正好', '宽松款，适合微胖的姑娘', '小姑娘的身材穿正合适',
  '肩宽刚刚好', '鞋子偏小半码', '弹性很好，活动自如', '领口不勒脖子',
  // quality and material
  '质量不错', '面料柔软，不起球', '做工精细，线头很少', '性价比超高', '料子有点薄，夏天穿刚好', '洗了两次没有变形',
  '味道有点大，晾几天就好了', '拉链很顺滑', '印花清晰，不掉色', '颜色和图片一样，没有偏色情况', '有轻微色差，可以接受',
  '材质摸起来很高级', '针脚整齐', '纽扣缝得很牢', '羊毛成分多，很保暖', '牛奶丝面料，滑滑的', '乳液很好吸收，不油腻',
  '画面逼真，细节到位', '包装精美', '手机八成新，几乎没有划痕', '靠背很舒服，腰不累', '椅子的靠腰可以调节',
  '吹干你的头发只要五分钟', '直接插你电脑上就能用', '奶瓶的奶嘴很软', '喂奶很方便',
  // colour and style
  '颜色很正', '黑色百搭', '款式新颖', '设计很有感情色彩', '上身效果很好看', '很有激情的红色',
  '适合处女座的完美主义者', '颜色偏暗一点', '米白色很温柔', '图案很可爱', '复古风格，我很喜欢',
  // shipping
  '物流很快，第二天就到了', '快递小哥很负责', '包装很严实', '发货速度一般', '三天就收到了', '顺丰送货上门',
  '快递有点慢，等了一周', '盒子有点压坏了，东西没事',
  // service
  '客服态度很好', '卖家很耐心地解答问题', '售后处理很及时', '老板娘的服务很周到', '客服回复有点慢',
  '商家送了小礼物', '退换货很方便', '店家很贴心',
  // people and gifts
  '给我妈妈买的，她很喜欢', '我妈比我还喜欢这件', '给他妈妈买的生日礼物', '做了妈妈的我们就喜欢舒服的衣服',
  '宝妈的福音', '买给姑娘的，她说很好看', '送给老公，他很满意', '给孩子买的，大小合适', '全家人都说好看',
  '适合你全家人一起用', '给他奶奶买的，老人家很喜欢', '祝你生日快乐的时候送的', '我家老二也很喜欢',
  '给老母亲买的，她说暖和', '新娘的伴手礼选了这个',
  // closing
  '总体很满意', '会回购的', '推荐购买', '五星好评', '下次还来', '值得入手', '物超所值', '一般般吧，凑合用',
  '有点失望，和描述不太一样', '不太满意，退货了', '还可以，就是价格有点贵', '第二次买了，依然好用',
  '朋友推荐的，果然不错', '这个价格很划算', '整体还行', '比实体店便宜很多',
];

const zhAbuse = [
  '卖家是个傻逼', '什么垃圾东西，操你妈', '客服他妈的根本不理人', '你妈的骗子店', '这个王八蛋卖家', '婊子养的客服',
  '狗日的快递弄丢了', '去你妈的售后', '老板是个贱人', '卖家就是个白痴', '傻比商家，别买', '操你祖宗十八代',
  '他妈的又发错货', '日你妈的，质量太差', '滚你妈的', '干你娘，垃圾', '客服是个杂种', '一群瘪三开的店',
  '骗子，狗屁质量', '你这个龟儿子', '卖家脑子有病，妈的', '烂货，卖家是婊子', '狗娘养的奸商', '我操你妈',
  '什么鸡巴玩意儿', '卖家傻逼吧', '骚货客服', '贱货才买这个', '他娘的退款还不给', '王八蛋，退钱',
];

const jaClauses = [
  'サイズはぴったりでした', '少し大きめなので一つ下のサイズがおすすめです', '生地が柔らかくて着心地がいいです',
  '色は写真通りでした', '色情報が正確で助かりました', '縫製がしっかりしています', '値段の割に品質が良いです',
  '女性らしいデザインで気に入りました', '個性的な柄がかわいい', '性格の明るい娘にぴったりの色', '乳液がすぐなじみます',
  '牛乳パックのような箱で届きました', '届くのが早かったです', '梱包が丁寧でした', '配送が少し遅れました',
  'ショップの対応が丁寧でした', '問い合わせにすぐ返信がありました', '母の誕生日に贈りました', '娘がとても喜んでいます',
  '夫も気に入っています', '成人式の前撮りに使いました', 'リピートします', 'また買いたいです', '星五つです',
  '少し期待外れでした', '思ったより薄手でした', '洗濯しても縮みませんでした', '毛玉ができにくいです',
  'ウエストのゴムが少しきついです', '丈がちょうどいいです', '肩幅が合っています', '袖が少し長いです',
  '黒なので合わせやすいです', '上品な光沢があります', '高級感があります', '匂いが少し気になりました',
  'コスパ最高です', '友人にもすすめました', '処女作の小説の表紙のような色合い', '激安だったので驚きました',
  '感情がこもった手紙が入っていました', '情熱的な赤色です', 'ファスナーがスムーズです', 'ボタンが取れやすいです',
  '冬でも暖かいです', '夏は涼しく過ごせます', '子供の通学用に買いました', '祖母へのプレゼントです',
  '日本製で安心です', '説明書が分かりやすいです', '充電が長持ちします', '画面がきれいです',
];

function compose(random, clauses, count, joiner, end, extra) {
  const seen = new Set();
  const lines = [];
  while (lines.length < count) {
    const n = 2 + Math.floor(random() * 3);
    const parts = [];
    for (let i = 0; i < n; i++) parts.push(clauses[Math.floor(random() * clauses.length)]);
    if (extra) parts.splice(Math.floor(random() * (parts.length + 1)), 0, extra[lines.length % extra.length]);
    const text = parts.join(joiner) + end;
    if (seen.has(text)) continue;
    seen.add(text);
    lines.push(text);
  }
  return lines;
}

const header = (what) => `# ${what}
# COMPOSED, not collected: written by hand for Vouch (scripts/gen_review_fixtures.mjs,
# fixed seed); labelled by construction (see the script). One review per line.
`;
const random = rng(20261201);
const zh = compose(random, zhClauses, 600, '，', '。');
const abusive = compose(random, zhClauses, 120, '，', '！', zhAbuse);
const ja = compose(random, jaClauses, 600, '。', '。');
const tw = (lines) => execFileSync('opencc', ['-c', 's2twp.json'], { input: lines.join('\n'), encoding: 'utf8' }).split('\n').filter(Boolean);
const files = {
  'reviews_zh_clean.txt': [header('Chinese (Simplified) shopping reviews, all CLEAN (no abuse).'), zh],
  'reviews_zh_tw_clean.txt': [header('Chinese (Traditional, Taiwan): reviews_zh_clean.txt through OpenCC s2twp, all CLEAN.'), tw(zh)],
  'reviews_ja_clean.txt': [header('Japanese shopping reviews, all CLEAN (no abuse).'), ja],
  'reviews_zh_abusive.txt': [header('Chinese (Simplified) reviews, each ABUSIVE: one hand-written abusive sentence among clean clauses.'), abusive],
  'reviews_zh_tw_abusive.txt': [header('Chinese (Traditional): reviews_zh_abusive.txt through OpenCC s2twp, each ABUSIVE.'), tw(abusive)],
};
for (const [name, [head, lines]] of Object.entries(files)) {
  writeFileSync(join(out, name), head + lines.join('\n') + '\n');
  console.log(`wrote tests/fixtures/text/${name} (${lines.length} reviews)`);
}
