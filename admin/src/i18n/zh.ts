import appZh from './app-zh.ts'
import mapZh from './map-zh.ts'
import qualityZh from './quality-zh.ts'
import raZh from './ra-zh.ts'

export default { ...raZh, ...appZh, map: mapZh, quality: qualityZh }
