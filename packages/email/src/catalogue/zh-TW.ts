// Every text the messages show, in Traditional Chinese (Taiwan): the same keys as en.ts.
import { STANDING_ROW } from "../mail-data.ts";
import type { Catalogue } from "./en.ts";

export const zhTW: Catalogue = {
  common: {
    brand: "OpenTicket",
    greeting: (name) => (name ? `${name} 您好：` : "您好："),
    when: "時間",
    where: "地點",
    eventPage: "活動頁面",
    order: "訂單",
    linkFallback: "如果按鈕無法使用，請將這個連結複製到瀏覽器：",
    footer: "您收到這封信，是因為您在 OpenTicket 的帳號。",
    automated: "這是系統自動寄出的信件，請勿直接回覆。",
  },
  tickets: {
    heading: "您的票券",
    section: "區",
    row: "排",
    seat: "座位",
    tier: "票種",
    price: "票價",
    code: "票券代碼",
    entryNumber: "入場序號",
    place: (section, row, seat) =>
      row === STANDING_ROW
        ? `${section} 站區 入場序號 ${seat}`
        : `${section} 區 ${row} 排 ${seat} 號`,
    total: (amount) => `總計：${amount}`,
    showQr: "入場時請出示每張票券的 QR Code。",
    qrAlt: (code) => `票券 ${code} 的 QR Code`,
    calendar: "開啟附件 event.ics，即可將活動加入行事曆。",
    viewOrder: "查看訂單",
  },
  pdf: {
    title: (event) => `票券：${event}`,
    ticketOf: (n, total) => `第 ${n} 張，共 ${total} 張`,
    venue: "場地",
    scan: "入場時請出示此 QR Code。每張票券限一人入場一次。",
  },
  orderConfirmation: {
    subject: (event) => `您的「${event}」票券`,
    preview: (count, event) => `「${event}」票券 ${count} 張`,
    heading: "感謝您的訂購",
    intro: (event) => `您的訂單已付款完成。以下是您的「${event}」票券，附件 PDF 中也有一份。`,
    pdfNote: "PDF 每頁一張票券：可以列印，也可以存在手機裡。",
  },
  eventReminder: {
    subject: (event, date) => `提醒您：「${event}」將於 ${date} 舉行`,
    heading: "活動就快到了",
    intro: (event) => `「${event}」即將舉行。以下是您的票券，入場時請準備好 QR Code。`,
  },
  refundReceipt: {
    subject: (amount, event) => `「${event}」退款 ${amount}`,
    heading: "退款明細",
    intro: (amount, event) => `您「${event}」的訂單已退款 ${amount}。`,
    amount: "金額",
    method: "退款方式",
    when: "退款時間",
    note: "視您的銀行而定，款項可能需要幾天才會入帳。",
  },
  eventChanged: {
    subjectDate: (event, date) => `「${event}」改期至 ${date}`,
    subjectVenue: (event, venue) => `「${event}」改至「${venue}」舉行`,
    subjectDateVenue: (event, date, venue) => `「${event}」改期至 ${date}，改在「${venue}」舉行`,
    subjectOther: (event) => `「${event}」的活動資訊已變更`,
    heading: "活動資訊已變更",
    intro: (event) =>
      `主辦單位變更了「${event}」的活動資訊，變更的項目已在下方標示。您的票券在新的時間與地點仍然有效。`,
    before: "變更前",
    after: "變更後",
    changed: "已變更",
    beforeLine: (value) => `變更前：${value}`,
    afterLine: (value) => `變更後：${value}`,
    time: "日期與時間",
    venue: "場地",
    address: "地址",
    rightsHeading: "您的退票權利",
    refundable: (percent, until) =>
      `如果新的時間或地點不適合您，您可以在 ${until} 前取消票券，並獲得票價 ${percent}% 的退款。`,
    notRefundable: "本活動不接受退票：即使活動資訊變更，票券也無法取消退款。",
    manage: "管理您的票券",
  },
  eventCancelled: {
    subject: (event) => `「${event}」已取消`,
    heading: "活動已取消",
    intro: (event) => `很抱歉，主辦單位已取消「${event}」，您的票券已失效。`,
    refund: (amount) => `您將獲得 ${amount} 退款，退回您付款時使用的方式，您不需要做任何事。`,
    noRefund: "您的票券沒有需要退還的款項。",
    viewOrders: "查看您的訂單",
  },
  passwordReset: {
    subject: "重設您的 OpenTicket 密碼",
    heading: "重設密碼",
    intro: "有人（希望是您本人）申請重設您 OpenTicket 帳號的密碼。請點下方按鈕設定新密碼。",
    button: "設定新密碼",
    expires: (at) => `此連結只能使用一次，有效期限至 ${at}。`,
    ifNotYou: "如果這不是您本人的操作，請忽略這封信，您的密碼不會改變。",
  },
  verifyEmail: {
    subject: "請確認您在 OpenTicket 的電子郵件地址",
    heading: "確認電子郵件地址",
    intro: "請確認這個電子郵件地址屬於您，您的 OpenTicket 帳號才能使用它。",
    button: "確認我的電子郵件地址",
    expires: (at) => `此連結的有效期限至 ${at}。`,
    ifNotYou: "如果這不是您本人的操作，請忽略這封信，任何 OpenTicket 帳號都不會使用這個地址。",
  },
  signUpAttempt: {
    subject: "有人嘗試用您的電子郵件地址註冊",
    heading: "您已經有帳號了",
    intro:
      "剛才有人嘗試用這個電子郵件地址註冊新的 OpenTicket 帳號。這個地址已屬於您的帳號，因此沒有建立新帳號。",
    signIn: "登入",
    forgot: "忘記密碼了嗎？請設定新密碼：",
    reset: "重設我的密碼",
    ifNotYou: "如果這不是您本人的操作，您不需要做任何事，您的帳號沒有任何變更。",
  },
  confirmEmailChange: {
    subject: "請確認您在 OpenTicket 的新電子郵件地址",
    heading: "確認新的電子郵件地址",
    intro: (email) =>
      `您要求讓 OpenTicket 帳號改用 ${email}。請按下方按鈕確認；確認之前，您的帳號仍使用目前的地址。`,
    button: "改用這個地址",
    expires: (at) => `此連結只能使用一次，有效期限至 ${at}。`,
    signOut: "地址變更後，您在所有裝置上都會被登出，請用新地址重新登入。",
    ifNotYou: "如果這不是您本人的操作，請忽略這封信，任何帳號都不會使用這個地址。",
  },
  emailChanged: {
    subject: "您的 OpenTicket 帳號電子郵件地址已變更",
    heading: "您的地址已變更",
    intro: (email, at) =>
      `您的 OpenTicket 帳號電子郵件地址已於 ${at} 變更為 ${email}。票券相關通知將寄到新地址，這個地址也不能再用來登入。`,
    ifNotYou: "如果這不是您本人的操作，表示有人知道您的密碼，請立即聯絡 OpenTicket 團隊。",
  },
  emailChangeAttempt: {
    subject: "有人嘗試在 OpenTicket 使用您的電子郵件地址",
    heading: "您的地址已被使用",
    intro:
      "剛才有人要求把另一個 OpenTicket 帳號改用這個電子郵件地址。這個地址已屬於您的帳號，因此沒有做任何變更。",
    signIn: "登入",
    ifNotYou: "如果這不是您本人的操作，您不需要做任何事，您的帳號沒有任何變更。",
  },
};
