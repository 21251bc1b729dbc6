// Data-quality messages in Chinese (数据质量): the page, the badges and the notice after a save.
const qualityZh = {
  menu: '数据质量',
  title: '数据质量',
  counts: '各县（市、区）问题数',
  county: '县（市、区）',
  aboveCounties: '市级',
  total: '合计',
  errors: '其中错误',
  issues: '问题列表',
  record: '记录',
  type: '类型',
  rule: '规则',
  severity: '级别',
  all: '全部',
  none: '没有发现问题。',
  shown: '第 %{from}–%{to} 条，共 %{total} 条',
  previous: '上一页',
  next: '下一页',
  clear: '清除筛选',
  badge: '%{smart_count} 条质量提示',
  column: '质量',
  savedWithWarnings: '已保存，但有 %{smart_count} 条质量提示',
  explain: '错误会阻止保存；提示不阻止保存，但值得核对。点击表格中的数字可筛选问题。',
  loading: '正在检查数据…',
}

export default qualityZh
export type QualityMessages = typeof qualityZh
