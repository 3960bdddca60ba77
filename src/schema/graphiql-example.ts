// The operation GraphiQL opens with: the platform's own example scene, ready to run.
export const graphiqlExample = /* GraphQL */ `# The SoftSugar platform's example scene. Press the run button.
# Then try: query { tasks(first: 10) { edges { node { id videoName status platformTaskId createdAt } } } }
# Or follow the task live, with its id from the result:
#   subscription { taskUpdated(id: "<task id>") { task { status progress resultUrl } event { toStatus message } } }
mutation CreateSeedScene {
  createTakeoverVideo(
    videoName: "Seed example"
    params: {
      videoFormat: MP4
      resolution: { width: 1080, height: 1920 }
      bitRate: 8
      frameRate: 25
      watermark: { show: true, content: "内部测试" }
      digitalRole: {
        id: 4051, name: "Nina", fileId: "12345", position: { x: 0, y: 0 }
        scale: 1, zPosition: 1, rotation: 0, startFrameIndex: 123
      }
      ttsConfig: { id: "xiaoyue", name: "晓月", vendorId: 3, language: "zh-CN", pitchOffset: 0, speedRatio: 1, volume: 100 }
      ttsQuery: { content: "您好,尊贵的客户", ssml: false }
      backgrounds: [{ name: "背景", fileId: "12345", rect: { x: 0, y: 0, width: 1080, height: 1920 }, playOffset: 123 }]
      foregrounds: [{ name: "前景", fileId: "12345", rect: { x: 0, y: 0, width: 1080, height: 1920 }, playOffset: 123 }]
      foregroundTexts: [{
        text: "前景", fontSize: 20, fontFamily: "Noto Sans S Chinese Black", zPosition: 10, strokeWidth: 5
        strokeRgba: [255, 0, 0, 0], opacity: 0.5, backgroundRgba: [0, 255, 0, 200], rgba: [100, 200, 100, 100]
      }]
      title: {
        text: "这是标题", rgba: [100, 255, 255, 255], position: { x: 540, y: 200 }, fontSize: 50
        fontFamily: "Noto Sans S Chinese Black", strokeWidth: 5, strokeRgba: [255, 0, 0, 0], opacity: 0.5
        backgroundRgba: [0, 255, 0, 200]
      }
      effects: { beautify: { whitenStrength: 0.3, reddenStrength: 0.36, smoothStrength: 0.74, shrinkRatio: 0.11 } }
    }
  ) {
    __typename
    ... on CreateTakeoverVideoSuccess { task { id status platformTaskId expiresAt previewUrl warnings { path message } } }
    ... on ValidationError { issues { path message } }
    ... on Error { message }
  }
}
`;
