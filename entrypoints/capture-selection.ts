/**
 * Runs in every frame of the tab when the background asks (`scripting.executeScript({ files })`):
 * reads that frame's selection. WXT builds an unlisted script as an IIFE whose value is `main`'s
 * return, which is the script's completion value, so `executeScript` reports it as the frame's result.
 */
import { captureSelection } from '@/lib/selection/page/capture';

export default defineUnlistedScript(() => captureSelection());
